package dev.weft.instrumentation.httpurlconnection;

import dev.weft.core.api.instrumenter.Instrumenter;
import dev.weft.core.api.semconv.http.HttpClientSemconv;
import dev.weft.core.api.semconv.http.HttpSettings;
import dev.weft.core.api.trace.SpanKind;
import dev.weft.core.config.ConfigProperties;

/** The instrumenter and connection tracker of this module, built once on first use. */
public final class HttpUrlConnectionSingletons {

  private static final ConnectionTracker tracker =
      new ConnectionTracker(
          Instrumenter.<ConnectionRequest, Integer>builder("http-url-connection", SpanKind.CLIENT)
              .semconv(
                  HttpClientSemconv.create(
                      new HttpUrlConnectionGetter(), HttpSettings.from(ConfigProperties.agent())))
              .injectWith(new RequestPropertySetter())
              .build());

  private HttpUrlConnectionSingletons() {}

  public static ConnectionTracker tracker() {
    return tracker;
  }
}
