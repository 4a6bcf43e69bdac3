package dev.weft.instrumentation.javahttpclient;

import dev.weft.core.instrumentation.InstrumentationModule;
import dev.weft.core.instrumentation.TypeInstrumentation;
import java.util.Collections;
import java.util.List;

/** The JDK's {@code java.net.http.HttpClient}: one CLIENT span per send or sendAsync. */
public final class JavaHttpClientInstrumentationModule extends InstrumentationModule {

  public JavaHttpClientInstrumentationModule() {
    super("java-http-client"); // the OpenTelemetry agent's name for this library
  }

  @Override
  public List<TypeInstrumentation> typeInstrumentations() {
    return Collections.singletonList(new HttpClientImplInstrumentation());
  }
}
