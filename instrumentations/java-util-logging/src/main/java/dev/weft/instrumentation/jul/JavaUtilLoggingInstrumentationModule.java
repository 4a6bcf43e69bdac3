package dev.weft.instrumentation.jul;

import dev.weft.core.instrumentation.InstrumentationModule;
import dev.weft.core.instrumentation.TypeInstrumentation;
import java.util.Collections;
import java.util.List;

/** {@code java.util.logging}: every loggable record becomes a log record. */
public final class JavaUtilLoggingInstrumentationModule extends InstrumentationModule {

  public JavaUtilLoggingInstrumentationModule() {
    super("java-util-logging"); // the OpenTelemetry agent's name
  }

  @Override
  public List<TypeInstrumentation> typeInstrumentations() {
    return Collections.singletonList(new LoggerInstrumentation());
  }
}
