package dev.weft.instrumentation.javahttpclient;

import dev.weft.core.api.instrumenter.Instrumenter;
import dev.weft.core.api.semconv.http.HttpClientSemconv;
import dev.weft.core.api.semconv.http.HttpSettings;
import dev.weft.core.api.trace.SpanKind;
import dev.weft.core.config.ConfigProperties;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

/** The instrumenter of this module, built once (per instrumentation class loader) on first use. */
public final class JavaHttpClientSingletons {

  private static final Instrumenter<HttpRequest, HttpResponse<?>> instrumenter =
      Instrumenter.<HttpRequest, HttpResponse<?>>builder("java-http-client", SpanKind.CLIENT)
          .semconv(
              HttpClientSemconv.create(
                  new JavaHttpClientGetter(), HttpSettings.from(ConfigProperties.agent())))
          .build();

  private JavaHttpClientSingletons() {}

  public static Instrumenter<HttpRequest, HttpResponse<?>> instrumenter() {
    return instrumenter;
  }
}
