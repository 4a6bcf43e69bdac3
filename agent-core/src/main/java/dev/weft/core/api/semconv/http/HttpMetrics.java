package dev.weft.core.api.semconv.http;

import dev.weft.core.api.common.AttributeKey;
import dev.weft.core.api.common.Attributes;
import dev.weft.core.api.metrics.DoubleHistogram;
import dev.weft.core.api.metrics.Meter;
import java.util.List;
import java.util.Set;

/** What the HTTP server and client duration metrics share: buckets, unit, attribute helpers. */
final class HttpMetrics {

  // Advised by the semantic conventions for http.*.request.duration (seconds).
  static final List<Double> DURATION_BUCKETS =
      List.of(0.005, 0.01, 0.025, 0.05, 0.075, 0.1, 0.25, 0.5, 0.75, 1.0, 2.5, 5.0, 7.5, 10.0);
  private static final double NANOS_PER_SECOND = 1e9;

  private HttpMetrics() {}

  static DoubleHistogram duration(Meter meter, String name, String description) {
    return meter
        .instrument(name)
        .description(description)
        .unit("s")
        .buckets(DURATION_BUCKETS)
        .doubleHistogram();
  }

  static double seconds(long nanos) {
    return nanos / NANOS_PER_SECOND;
  }

  /** The method, or {@code _OTHER} for methods outside the known set (never the raw value). */
  static void putMethod(Attributes.Builder attributes, String method, Set<String> known) {
    if (method != null) {
      attributes.put(
          HttpAttributes.HTTP_REQUEST_METHOD,
          known.contains(method) ? method : HttpAttributes.OTHER);
    }
  }

  static void putStatusAndError(
      Attributes.Builder attributes, int statusCode, Throwable error, boolean client) {
    if (statusCode > 0) {
      attributes.put(HttpAttributes.HTTP_RESPONSE_STATUS_CODE, (long) statusCode);
    }
    attributes.put(HttpAttributes.ERROR_TYPE, HttpStatus.errorType(statusCode, error, client));
  }

  static <T> void put(Attributes.Builder attributes, AttributeKey<T> key, T value) {
    attributes.put(key, value); // null values are skipped by the builder
  }
}
