package dev.weft.sdk.export.otlp;

import dev.weft.sdk.metrics.MetricsConfig;
import dev.weft.sdk.metrics.export.MetricExporter;

/**
 * Creates the OTLP/gRPC metric exporter; like {@link OtlpGrpcSpanExporter}, the only way to {@link
 * GrpcTransport}, called only when the metrics protocol is grpc.
 */
public final class OtlpGrpcMetricExporter {

  private OtlpGrpcMetricExporter() {}

  /** An exporter for {@code config} (protocol grpc). */
  public static MetricExporter create(OtlpExporterConfig config, MetricsConfig metrics) {
    return new OtlpMetricExporter(config, metrics, GrpcTransport.export(config));
  }
}
