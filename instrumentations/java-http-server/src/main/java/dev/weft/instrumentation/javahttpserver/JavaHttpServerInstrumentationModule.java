package dev.weft.instrumentation.javahttpserver;

import dev.weft.core.instrumentation.InstrumentationModule;
import dev.weft.core.instrumentation.TypeInstrumentation;
import java.util.Collections;
import java.util.List;

/**
 * The JDK's built-in HTTP server ({@code com.sun.net.httpserver}, module {@code jdk.httpserver}):
 * one SERVER span per exchange.
 */
public final class JavaHttpServerInstrumentationModule extends InstrumentationModule {

  public JavaHttpServerInstrumentationModule() {
    super("java-http-server"); // the OpenTelemetry agent's name for this library
  }

  @Override
  public List<TypeInstrumentation> typeInstrumentations() {
    return Collections.singletonList(new FilterChainInstrumentation());
  }
}
