package dev.weft.instrumentation.log4j.appender.v2_17;

import dev.weft.core.instrumentation.InstrumentationModule;
import dev.weft.core.instrumentation.LibraryCheck;
import dev.weft.core.instrumentation.TypeInstrumentation;
import java.util.Collections;
import java.util.List;

/** Log4j 2 (log4j-core): every logged event becomes a log record. */
public final class Log4jAppenderInstrumentationModule extends InstrumentationModule {

  public Log4jAppenderInstrumentationModule() {
    super("log4j-appender", "log4j-appender-2.17"); // the OpenTelemetry agent's names
  }

  @Override
  public LibraryCheck libraryPresent() {
    return LibraryCheck.classesPresent(
        "org.apache.logging.log4j.core.Logger", "org.apache.logging.log4j.message.Message");
  }

  @Override
  public List<TypeInstrumentation> typeInstrumentations() {
    return Collections.singletonList(new LoggerInstrumentation());
  }
}
