package dev.weft.instrumentation.javahttpserver;

import com.sun.net.httpserver.HttpExchange;
import dev.weft.core.api.instrumenter.Instrumenter;
import dev.weft.core.api.semconv.http.HttpServerSemconv;
import dev.weft.core.api.semconv.http.HttpSettings;
import dev.weft.core.api.trace.SpanKind;
import dev.weft.core.config.ConfigProperties;

/** The instrumenter of this module, built once (per instrumentation class loader) on first use. */
public final class JavaHttpServerSingletons {

  private static final Instrumenter<HttpExchange, HttpExchange> instrumenter =
      Instrumenter.<HttpExchange, HttpExchange>builder("java-http-server", SpanKind.SERVER)
          .semconv(
              HttpServerSemconv.create(
                  new JavaHttpServerGetter(), HttpSettings.from(ConfigProperties.agent())))
          .extractParentWith(new ExchangeHeaders())
          .build();

  private JavaHttpServerSingletons() {}

  public static Instrumenter<HttpExchange, HttpExchange> instrumenter() {
    return instrumenter;
  }
}
