package dev.weft.instrumentation.log4j.contextdata.v2_7;

import dev.weft.core.instrumentation.InstrumentationModule;
import dev.weft.core.instrumentation.LibraryCheck;
import dev.weft.core.instrumentation.TypeInstrumentation;
import java.util.Collections;
import java.util.List;

/**
 * The current span's ids in Log4j 2's context data ({@code %X{trace_id}}, JSON layouts), Log4j 2.7
 * and later (where {@code ContextDataInjector} appeared).
 */
public final class Log4jContextDataInstrumentationModule extends InstrumentationModule {

  public Log4jContextDataInstrumentationModule() {
    // The OpenTelemetry agent's names: the 2.7 module and the 2.17 one (its ContextDataProvider).
    super("log4j-context-data", "log4j-context-data-2.7", "log4j-context-data-2.17");
  }

  @Override
  public LibraryCheck libraryPresent() {
    return LibraryCheck.classesPresent(
        "org.apache.logging.log4j.core.ContextDataInjector",
        "org.apache.logging.log4j.util.SortedArrayStringMap");
  }

  @Override
  public List<TypeInstrumentation> typeInstrumentations() {
    return Collections.singletonList(new ContextDataInjectorInstrumentation());
  }
}
