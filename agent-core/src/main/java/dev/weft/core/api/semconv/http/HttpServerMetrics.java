package dev.weft.core.api.semconv.http;

import dev.weft.bootstrap.context.Context;
import dev.weft.core.api.common.Attributes;
import dev.weft.core.api.instrumenter.OperationMetrics;
import dev.weft.core.api.metrics.DoubleHistogram;
import dev.weft.core.api.metrics.Meter;
import java.util.Set;

/**
 * {@code http.server.request.duration} (s, advised buckets) with exactly the attributes the
 * semantic conventions list: method, {@code url.scheme}, {@code error.type}, status code, {@code
 * http.route} (the template, never the path), protocol name and version. Immutable.
 */
final class HttpServerMetrics<REQ, RES> implements OperationMetrics<REQ, RES> {

  private final HttpServerSemconv<REQ, RES> semconv;
  private final HttpServerAttributesGetter<REQ, RES> getter;
  private final Set<String> knownMethods;
  private final DoubleHistogram duration;

  HttpServerMetrics(
      HttpServerSemconv<REQ, RES> semconv,
      HttpServerAttributesGetter<REQ, RES> getter,
      Set<String> knownMethods,
      Meter meter) {
    this.semconv = semconv;
    this.getter = getter;
    this.knownMethods = knownMethods;
    this.duration =
        HttpMetrics.duration(
            meter, "http.server.request.duration", "Duration of HTTP server requests.");
  }

  @Override
  public void record(
      Context context, REQ request, RES response, Throwable error, long durationNanos) {
    Attributes.Builder attributes = Attributes.builder();
    HttpMetrics.putMethod(attributes, getter.method(request), knownMethods);
    String forwarded = HttpServerSemconv.first(getter.requestHeader(request, "forwarded"));
    HttpMetrics.put(attributes, HttpAttributes.URL_SCHEME, semconv.scheme(request, forwarded));
    String route = getter.route(request);
    if (route != null && !route.isEmpty()) {
      attributes.put(HttpAttributes.HTTP_ROUTE, route);
    }
    HttpMetrics.put(
        attributes,
        HttpAttributes.NETWORK_PROTOCOL_NAME,
        getter.networkProtocolName(request, response));
    HttpMetrics.put(
        attributes,
        HttpAttributes.NETWORK_PROTOCOL_VERSION,
        getter.networkProtocolVersion(request, response));
    HttpMetrics.putStatusAndError(
        attributes, getter.statusCode(request, response, error), error, false);
    duration.record(HttpMetrics.seconds(durationNanos), attributes.build(), context);
  }
}
