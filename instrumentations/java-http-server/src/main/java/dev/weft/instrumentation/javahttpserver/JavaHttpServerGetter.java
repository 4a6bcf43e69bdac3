package dev.weft.instrumentation.javahttpserver;

import com.sun.net.httpserver.HttpContext;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpsExchange;
import dev.weft.core.api.semconv.http.HttpServerAttributesGetter;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.util.Collections;
import java.util.List;

/**
 * HTTP facts of one {@link HttpExchange}; the exchange is both request and response. The route is
 * the path of the context the server matched: a prefix the application registered, so bounded and
 * low-cardinality. Pure.
 */
final class JavaHttpServerGetter implements HttpServerAttributesGetter<HttpExchange, HttpExchange> {

  @Override
  public String method(HttpExchange exchange) {
    return exchange.getRequestMethod();
  }

  @Override
  public String urlScheme(HttpExchange exchange) {
    return exchange instanceof HttpsExchange ? "https" : "http";
  }

  @Override
  public String urlPath(HttpExchange exchange) {
    URI uri = exchange.getRequestURI();
    return uri == null ? null : uri.getRawPath();
  }

  @Override
  public String urlQuery(HttpExchange exchange) {
    URI uri = exchange.getRequestURI();
    return uri == null ? null : uri.getRawQuery();
  }

  @Override
  public String route(HttpExchange exchange) {
    HttpContext context = exchange.getHttpContext();
    return context == null ? null : context.getPath();
  }

  @Override
  public List<String> requestHeader(HttpExchange exchange, String name) {
    return orEmpty(exchange.getRequestHeaders().get(name));
  }

  @Override
  public List<String> responseHeader(HttpExchange request, HttpExchange exchange, String name) {
    return exchange == null
        ? Collections.emptyList()
        : orEmpty(exchange.getResponseHeaders().get(name));
  }

  @Override
  public int statusCode(HttpExchange request, HttpExchange exchange, Throwable error) {
    // -1 until sendResponseHeaders ran.
    return exchange == null ? 0 : Math.max(0, exchange.getResponseCode());
  }

  @Override
  public String networkProtocolVersion(HttpExchange request, HttpExchange exchange) {
    return protocolVersion(request.getProtocol());
  }

  @Override
  public String networkPeerAddress(HttpExchange exchange) {
    InetSocketAddress remote = exchange.getRemoteAddress();
    InetAddress address = remote == null ? null : remote.getAddress();
    return address == null ? null : address.getHostAddress();
  }

  @Override
  public int networkPeerPort(HttpExchange exchange) {
    InetSocketAddress remote = exchange.getRemoteAddress();
    return remote == null ? 0 : remote.getPort();
  }

  /** {@code HTTP/1.1} → {@code 1.1}; the common versions without allocating. */
  static String protocolVersion(String protocol) {
    if (protocol == null) {
      return null;
    }
    if (protocol.equalsIgnoreCase("HTTP/1.1")) {
      return "1.1";
    }
    if (protocol.equalsIgnoreCase("HTTP/1.0")) {
      return "1.0";
    }
    int slash = protocol.indexOf('/');
    return slash < 0 || slash == protocol.length() - 1 ? null : protocol.substring(slash + 1);
  }

  private static List<String> orEmpty(List<String> values) {
    return values == null ? Collections.emptyList() : values;
  }
}
