package dev.weft.instrumentation.logback.appender.v1_0;

import dev.weft.core.instrumentation.InstrumentationModule;
import dev.weft.core.instrumentation.LibraryCheck;
import dev.weft.core.instrumentation.TypeInstrumentation;
import java.util.Collections;
import java.util.List;

/** Logback 1.0 and later (tested on 1.2 and 1.5): every logged event becomes a log record. */
public final class LogbackAppenderInstrumentationModule extends InstrumentationModule {

  public LogbackAppenderInstrumentationModule() {
    super("logback-appender", "logback-appender-1.0"); // the OpenTelemetry agent's names
  }

  @Override
  public LibraryCheck libraryPresent() {
    return LibraryCheck.classesPresent(
        "ch.qos.logback.classic.Logger", "ch.qos.logback.classic.spi.ILoggingEvent");
  }

  @Override
  public List<TypeInstrumentation> typeInstrumentations() {
    return Collections.singletonList(new LoggerInstrumentation());
  }
}
