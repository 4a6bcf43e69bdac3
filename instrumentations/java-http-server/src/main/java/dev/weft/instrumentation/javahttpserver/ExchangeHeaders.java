package dev.weft.instrumentation.javahttpserver;

import com.sun.net.httpserver.HttpExchange;
import dev.weft.core.api.propagation.TextMapGetter;

/** Reads the incoming trace headers; {@code Headers} already matches names case-insensitively. */
final class ExchangeHeaders implements TextMapGetter<HttpExchange> {

  @Override
  public Iterable<String> keys(HttpExchange exchange) {
    return exchange.getRequestHeaders().keySet();
  }

  @Override
  public String get(HttpExchange exchange, String key) {
    return exchange.getRequestHeaders().getFirst(key);
  }
}
