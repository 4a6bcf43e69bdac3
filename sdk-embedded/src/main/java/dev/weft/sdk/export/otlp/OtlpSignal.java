package dev.weft.sdk.export.otlp;

/**
 * The three OTLP signals: what differs between exporting spans, metric points and log records is
 * only the configuration key segment, the HTTP path, the gRPC method and the noun in log lines.
 */
public enum OtlpSignal {
  TRACES("traces", "opentelemetry.proto.collector.trace.v1.TraceService/Export", "spans"),
  METRICS(
      "metrics", "opentelemetry.proto.collector.metrics.v1.MetricsService/Export", "data points"),
  LOGS("logs", "opentelemetry.proto.collector.logs.v1.LogsService/Export", "log records");

  private final String key;
  private final String grpcMethod;
  private final String items;

  OtlpSignal(String key, String grpcMethod, String items) {
    this.key = key;
    this.grpcMethod = grpcMethod;
    this.items = items;
  }

  /** {@code traces}, {@code metrics} or {@code logs}: the segment in per-signal keys. */
  public String key() {
    return key;
  }

  /** The path appended to a generic HTTP endpoint: {@code v1/traces}. */
  String httpPath() {
    return "v1/" + key;
  }

  /** The full gRPC method name of the signal's {@code Export} call. */
  String grpcMethod() {
    return grpcMethod;
  }

  /** What one exported item is called in log lines: {@code spans}. */
  String items() {
    return items;
  }
}
