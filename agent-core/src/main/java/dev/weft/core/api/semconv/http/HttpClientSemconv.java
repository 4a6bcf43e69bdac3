package dev.weft.core.api.semconv.http;

import static dev.weft.core.api.semconv.http.HttpAttributes.NETWORK_PEER_ADDRESS;
import static dev.weft.core.api.semconv.http.HttpAttributes.NETWORK_PEER_PORT;
import static dev.weft.core.api.semconv.http.HttpAttributes.NETWORK_PROTOCOL_NAME;
import static dev.weft.core.api.semconv.http.HttpAttributes.NETWORK_PROTOCOL_VERSION;
import static dev.weft.core.api.semconv.http.HttpAttributes.SERVER_ADDRESS;
import static dev.weft.core.api.semconv.http.HttpAttributes.SERVER_PORT;
import static dev.weft.core.api.semconv.http.HttpAttributes.URL_FULL;

import dev.weft.core.api.instrumenter.OperationMetrics;
import dev.weft.core.api.instrumenter.SpanSemconv;
import dev.weft.core.api.metrics.Meter;
import dev.weft.core.api.trace.Span;
import dev.weft.core.api.trace.SpanBuilder;
import java.util.Set;

/**
 * HTTP client spans (semantic conventions v1.44, stable): name {@code {method}} ({@code HTTP} for
 * unknown methods), method, {@code url.full} without credentials or sensitive query values, and
 * {@code server.address}/{@code server.port} at start; status code, protocol, peer and response
 * headers at the end; 4xx and 5xx are errors. Immutable.
 */
public final class HttpClientSemconv<REQ, RES> implements SpanSemconv<REQ, RES> {

  private final HttpClientAttributesGetter<REQ, RES> getter;
  private final HttpSettings settings;
  private final Set<String> knownMethods;

  private HttpClientSemconv(HttpClientAttributesGetter<REQ, RES> getter, HttpSettings settings) {
    this.getter = getter;
    this.settings = settings;
    this.knownMethods = settings.knownMethods;
  }

  public static <REQ, RES> HttpClientSemconv<REQ, RES> create(
      HttpClientAttributesGetter<REQ, RES> getter, HttpSettings settings) {
    return new HttpClientSemconv<>(getter, settings);
  }

  @Override
  public String spanName(REQ request) {
    return HttpMethod.forName(getter.method(request), knownMethods);
  }

  @Override
  public void onStart(SpanBuilder span, REQ request) {
    HttpMethod.set(span, getter.method(request), knownMethods);
    String url = getter.urlFull(request);
    if (url != null) {
      span.setAttribute(URL_FULL, UrlRedactor.redactUrl(url, settings.sensitiveQueryParameters));
    }
    String address = getter.serverAddress(request);
    if (address != null) {
      span.setAttribute(SERVER_ADDRESS, address);
    }
    int port = getter.serverPort(request);
    if (port > 0) {
      span.setAttribute(SERVER_PORT, (long) port);
    }
    CapturedHeaders captured = settings.clientRequestHeaders;
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
    String peerAddress = getter.networkPeerAddress(request, response);
    if (peerAddress != null) {
      span.setAttribute(NETWORK_PEER_ADDRESS, peerAddress);
    }
    int peerPort = getter.networkPeerPort(request, response);
    if (peerPort > 0) {
      span.setAttribute(NETWORK_PEER_PORT, (long) peerPort);
    }
    CapturedHeaders captured = settings.clientResponseHeaders;
    for (int i = 0; i < captured.size(); i++) {
      captured.set(span, i, getter.responseHeader(request, response, captured.name(i)));
    }
    HttpStatus.onEnd(span, getter.statusCode(request, response, error), error, true);
  }

  @Override
  public OperationMetrics<REQ, RES> metrics(Meter meter) {
    return new HttpClientMetrics<>(getter, knownMethods, meter);
  }

  @Override
  public String toString() {
    return "HttpClientSemconv{" + getter.getClass().getSimpleName() + ", " + settings + "}";
  }
}
