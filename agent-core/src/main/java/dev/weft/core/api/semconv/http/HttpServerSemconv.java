package dev.weft.core.api.semconv.http;

import static dev.weft.core.api.semconv.http.HttpAttributes.CLIENT_ADDRESS;
import static dev.weft.core.api.semconv.http.HttpAttributes.HTTP_ROUTE;
import static dev.weft.core.api.semconv.http.HttpAttributes.NETWORK_PEER_ADDRESS;
import static dev.weft.core.api.semconv.http.HttpAttributes.NETWORK_PEER_PORT;
import static dev.weft.core.api.semconv.http.HttpAttributes.NETWORK_PROTOCOL_NAME;
import static dev.weft.core.api.semconv.http.HttpAttributes.NETWORK_PROTOCOL_VERSION;
import static dev.weft.core.api.semconv.http.HttpAttributes.SERVER_ADDRESS;
import static dev.weft.core.api.semconv.http.HttpAttributes.SERVER_PORT;
import static dev.weft.core.api.semconv.http.HttpAttributes.URL_PATH;
import static dev.weft.core.api.semconv.http.HttpAttributes.URL_QUERY;
import static dev.weft.core.api.semconv.http.HttpAttributes.URL_SCHEME;
import static dev.weft.core.api.semconv.http.HttpAttributes.USER_AGENT_ORIGINAL;

import dev.weft.core.api.common.AttributeKey;
import dev.weft.core.api.instrumenter.OperationMetrics;
import dev.weft.core.api.instrumenter.SpanSemconv;
import dev.weft.core.api.metrics.Meter;
import dev.weft.core.api.trace.Span;
import dev.weft.core.api.trace.SpanBuilder;
import java.util.List;
import java.util.Set;

/**
 * HTTP server spans (semantic conventions v1.44, stable): name {@code {method} {http.route}} (or
 * {@code {method}}; {@code HTTP} for unknown methods), the request attributes at start where the
 * sampler sees them, status code, protocol and response headers at the end; 5xx is an error, 4xx is
 * not. {@code url.scheme}, {@code server.address}/{@code server.port} and {@code client.address}
 * honour {@code Forwarded} and {@code X-Forwarded-*}. Immutable.
 */
public final class HttpServerSemconv<REQ, RES> implements SpanSemconv<REQ, RES> {

  private final HttpServerAttributesGetter<REQ, RES> getter;
  private final HttpSettings settings;
  private final Set<String> knownMethods;

  private HttpServerSemconv(HttpServerAttributesGetter<REQ, RES> getter, HttpSettings settings) {
    this.getter = getter;
    this.settings = settings;
    this.knownMethods = settings.knownMethods;
  }

  public static <REQ, RES> HttpServerSemconv<REQ, RES> create(
      HttpServerAttributesGetter<REQ, RES> getter, HttpSettings settings) {
    return new HttpServerSemconv<>(getter, settings);
  }

  @Override
  public String spanName(REQ request) {
    String method = HttpMethod.forName(getter.method(request), knownMethods);
    String route = getter.route(request);
    return route == null || route.isEmpty() ? method : method + ' ' + route;
  }

  @Override
  public void onStart(SpanBuilder span, REQ request) {
    HttpMethod.set(span, getter.method(request), knownMethods);
    String forwarded = first(getter.requestHeader(request, "forwarded"));
    String scheme = scheme(request, forwarded);
    put(span, URL_SCHEME, scheme);
    put(span, URL_PATH, getter.urlPath(request));
    String query = getter.urlQuery(request);
    if (query != null && !query.isEmpty()) {
      span.setAttribute(
          URL_QUERY, UrlRedactor.redactQuery(query, settings.sensitiveQueryParameters));
    }
    put(span, HTTP_ROUTE, getter.route(request));
    setServerAddress(span, request, forwarded, scheme);
    String peerAddress = getter.networkPeerAddress(request);
    put(span, NETWORK_PEER_ADDRESS, peerAddress);
    int peerPort = getter.networkPeerPort(request);
    if (peerPort > 0) {
      span.setAttribute(NETWORK_PEER_PORT, (long) peerPort);
    }
    String client = clientAddress(request, forwarded);
    put(span, CLIENT_ADDRESS, client != null ? client : peerAddress);
    put(span, USER_AGENT_ORIGINAL, first(getter.requestHeader(request, "user-agent")));
    CapturedHeaders captured = settings.serverRequestHeaders;
    for (int i = 0; i < captured.size(); i++) {
      captured.set(span, i, getter.requestHeader(request, captured.name(i)));
    }
  }

  @Override
  public void onEnd(Span span, REQ request, RES response, Throwable error) {
    String protocolName = getter.networkProtocolName(request, response);
    if (protocolName != null) {
      span.setAttribute(NETWORK_PROTOCOL_NAME, protocolName);
    }
    String protocolVersion = getter.networkProtocolVersion(request, response);
    if (protocolVersion != null) {
      span.setAttribute(NETWORK_PROTOCOL_VERSION, protocolVersion);
    }
    CapturedHeaders captured = settings.serverResponseHeaders;
    for (int i = 0; i < captured.size(); i++) {
      captured.set(span, i, getter.responseHeader(request, response, captured.name(i)));
    }
    HttpStatus.onEnd(span, getter.statusCode(request, response, error), error, false);
  }

  @Override
  public OperationMetrics<REQ, RES> metrics(Meter meter) {
    return new HttpServerMetrics<>(this, getter, knownMethods, meter);
  }

  /** The client's scheme as a proxy reports it, else the scheme this server received. */
  String scheme(REQ request, String forwarded) {
    String proto = ForwardedHeaders.forwardedParameter(forwarded, "proto");
    if (proto == null) {
      proto =
          ForwardedHeaders.firstEntry(first(getter.requestHeader(request, "x-forwarded-proto")));
    }
    return proto != null ? proto : getter.urlScheme(request);
  }

  /** Forwarded#host, X-Forwarded-Host, Host: the first present; port from it or the scheme. */
  private void setServerAddress(SpanBuilder span, REQ request, String forwarded, String scheme) {
    String host = ForwardedHeaders.forwardedParameter(forwarded, "host");
    if (host == null) {
      host = ForwardedHeaders.firstEntry(first(getter.requestHeader(request, "x-forwarded-host")));
    }
    if (host == null) {
      host = first(getter.requestHeader(request, "host"));
    }
    String address = ForwardedHeaders.address(host);
    if (address == null) {
      return;
    }
    span.setAttribute(SERVER_ADDRESS, address);
    int port = ForwardedHeaders.port(host);
    if (port < 0) {
      port = defaultPort(scheme);
    }
    if (port > 0) {
      span.setAttribute(SERVER_PORT, (long) port);
    }
  }

  /** Forwarded#for, else the first X-Forwarded-For entry; null when no proxy says. */
  private String clientAddress(REQ request, String forwarded) {
    String node = ForwardedHeaders.forwardedParameter(forwarded, "for");
    if (node == null) {
      node = ForwardedHeaders.firstEntry(first(getter.requestHeader(request, "x-forwarded-for")));
    }
    return ForwardedHeaders.address(node);
  }

  static int defaultPort(String scheme) {
    if ("http".equals(scheme)) {
      return 80;
    }
    return "https".equals(scheme) ? 443 : -1;
  }

  static String first(List<String> values) {
    return values == null || values.isEmpty() ? null : values.get(0);
  }

  private static void put(SpanBuilder span, AttributeKey<String> key, String value) {
    if (value != null) {
      span.setAttribute(key, value);
    }
  }

  @Override
  public String toString() {
    return "HttpServerSemconv{" + getter.getClass().getSimpleName() + ", " + settings + "}";
  }
}
