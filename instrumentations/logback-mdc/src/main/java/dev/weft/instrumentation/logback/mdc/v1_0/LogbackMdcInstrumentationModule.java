package dev.weft.instrumentation.logback.mdc.v1_0;

import dev.weft.core.instrumentation.InstrumentationModule;
import dev.weft.core.instrumentation.LibraryCheck;
import dev.weft.core.instrumentation.TypeInstrumentation;
import java.util.Collections;
import java.util.List;

/**
 * The current span's ids in Logback's MDC ({@code %X{trace_id}} in a pattern, JSON encoders, any
 * appender reading the event's MDC), Logback 1.0 and later.
 */
public final class LogbackMdcInstrumentationModule extends InstrumentationModule {

  public LogbackMdcInstrumentationModule() {
    super("logback-mdc", "logback-mdc-1.0"); // the OpenTelemetry agent's names
  }

  @Override
  public LibraryCheck libraryPresent() {
    return LibraryCheck.methodPresent(
        "ch.qos.logback.classic.spi.LoggingEvent", "setMDCPropertyMap");
  }

  @Override
  public List<TypeInstrumentation> typeInstrumentations() {
    return Collections.singletonList(new LoggingEventInstrumentation());
  }
}
