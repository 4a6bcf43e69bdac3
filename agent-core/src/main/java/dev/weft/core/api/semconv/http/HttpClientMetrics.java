package dev.weft.core.api.semconv.http;

import dev.weft.bootstrap.context.Context;
import dev.weft.core.api.common.Attributes;
import dev.weft.core.api.instrumenter.OperationMetrics;
import dev.weft.core.api.metrics.DoubleHistogram;
import dev.weft.core.api.metrics.Meter;
import java.util.Set;

/**
 * {@code http.client.request.duration} (s, advised buckets) with exactly the attributes the
 * semantic conventions list: method, {@code server.address}, {@code server.port}, {@code
 * error.type}, status code, protocol name and version. Never the URL. Immutable.
 */
final class HttpClientMetrics<REQ, RES> implements OperationMetrics<REQ, RES> {

  private final HttpClientAttributesGetter<REQ, RES> getter;
  private final Set<String> knownMethods;
  private final DoubleHistogram duration;

  HttpClientMetrics(
      HttpClientAttributesGetter<REQ, RES> getter, Set<String> knownMethods, Meter meter) {
    this.getter = getter;
    this.knownMethods = knownMethods;
    this.duration =
        HttpMetrics.duration(
            meter, "http.client.request.duration", "Duration of HTTP client requests.");
  }

  @Override
  public void record(
      Context context, REQ request, RES response, Throwable error, long durationNanos) {
    Attributes.Builder attributes = Attributes.builder();
    HttpMetrics.putMethod(attributes, getter.method(request), knownMethods);
    HttpMetrics.put(attributes, HttpAttributes.SERVER_ADDRESS, getter.serverAddress(request));
    int port = getter.serverPort(request);
    if (port > 0) {
      attributes.put(HttpAttributes.SERVER_PORT, (long) port);
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
        attributes, getter.statusCode(request, response, error), error, true);
    duration.record(HttpMetrics.seconds(durationNanos), attributes.build(), context);
  }
}
