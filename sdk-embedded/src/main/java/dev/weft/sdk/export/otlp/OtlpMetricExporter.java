package dev.weft.sdk.export.otlp;

import dev.weft.core.api.metrics.InstrumentType;
import dev.weft.sdk.metrics.MetricsConfig;
import dev.weft.sdk.metrics.data.AggregationTemporality;
import dev.weft.sdk.metrics.data.MetricData;
import dev.weft.sdk.metrics.export.MetricExporter;
import dev.weft.sdk.trace.export.ExportResult;
import java.util.Collection;

/**
 * An OTLP metric exporter over one transport: HTTP/protobuf ({@link #http}) or gRPC ({@link
 * OtlpGrpcMetricExporter#create}). Temporality and histogram aggregation follow {@code
 * otel.exporter.otlp.metrics.temporality.preference} and {@code ...default.histogram.aggregation}.
 * Retries, counts and logs failures (see {@link OtlpExport}); never throws.
 */
public final class OtlpMetricExporter implements MetricExporter {

  private final OtlpExporterConfig config;
  private final MetricsConfig metrics;
  private final OtlpExport export;

  OtlpMetricExporter(OtlpExporterConfig config, MetricsConfig metrics, OtlpExport export) {
    this.config = config;
    this.metrics = metrics;
    this.export = export;
  }

  /** An exporter for {@code config} (protocol http/protobuf), connecting on the first export. */
  public static OtlpMetricExporter http(OtlpExporterConfig config, MetricsConfig metrics) {
    return new OtlpMetricExporter(config, metrics, OtlpExport.http(config));
  }

  @Override
  public ExportResult export(Collection<MetricData> data, long timeoutNanos) {
    return export.export(
        () -> OtlpMetricEncoder.encode(data), OtlpMetricEncoder.pointCount(data), timeoutNanos);
  }

  @Override
  public AggregationTemporality temporality(InstrumentType type) {
    return metrics.temporality().temporality(type);
  }

  @Override
  public boolean exponentialHistograms() {
    return metrics.exponentialHistograms();
  }

  @Override
  public void shutdown() {
    export.shutdown();
  }

  // Visible for testing.
  long droppedPoints() {
    return export.dropped();
  }

  @Override
  public String toString() {
    return config.toString();
  }
}
