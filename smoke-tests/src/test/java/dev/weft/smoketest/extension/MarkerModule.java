package dev.weft.smoketest.extension;

import dev.weft.core.instrumentation.InstrumentationModule;
import dev.weft.core.instrumentation.TypeInstrumentation;
import java.util.List;

/**
 * Test-only module, shipped in an extension jar the smoke tests build: marks every run of a {@code
 * Task} implementation on standard error, proving the advice was woven and linked.
 */
public final class MarkerModule extends InstrumentationModule {

  public MarkerModule() {
    super("test-marker", "test-marker-alias");
  }

  @Override
  public List<TypeInstrumentation> typeInstrumentations() {
    return List.of(new TaskInstrumentation(), new InlinedTaskInstrumentation());
  }
}
