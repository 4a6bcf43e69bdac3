package dev.weft.instrumentation.httpurlconnection;

import dev.weft.core.instrumentation.InstrumentationModule;
import dev.weft.core.instrumentation.TypeInstrumentation;
import java.util.Arrays;
import java.util.List;

/**
 * {@code java.net.HttpURLConnection} as the JDK implements it for {@code http:} and {@code https:}
 * URLs: one CLIENT span per connection, from the first connect until the response code is read.
 */
public final class HttpUrlConnectionInstrumentationModule extends InstrumentationModule {

  public HttpUrlConnectionInstrumentationModule() {
    super("http-url-connection"); // the OpenTelemetry agent's name for this library
  }

  @Override
  public List<TypeInstrumentation> typeInstrumentations() {
    return Arrays.asList(new HttpUrlConnectionInstrumentation(), new HttpsConnectInstrumentation());
  }
}
