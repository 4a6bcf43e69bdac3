package dev.weft.sdk.export;

import dev.weft.bootstrap.WeftLogger;
import dev.weft.core.config.AgentSettings;
import dev.weft.core.config.ConfigProperties;
import dev.weft.sdk.export.console.ConsoleMetricExporter;
import dev.weft.sdk.export.otlp.OtlpExporterConfig;
import dev.weft.sdk.export.otlp.OtlpGrpcMetricExporter;
import dev.weft.sdk.export.otlp.OtlpMetricExporter;
import dev.weft.sdk.export.otlp.OtlpSignal;
import dev.weft.sdk.export.prometheus.PrometheusReader;
import dev.weft.sdk.metrics.MetricsConfig;
import dev.weft.sdk.metrics.export.MetricExporter;
import dev.weft.sdk.metrics.export.MetricReader;
import dev.weft.sdk.metrics.export.PeriodicMetricReader;
import java.util.ArrayList;
import java.util.List;

/** Builds the metric readers that {@code otel.metrics.exporter} names. */
public final class MetricReaders {

  private static final WeftLogger log = WeftLogger.get("exporter");

  private MetricReaders() {}

  /**
   * One reader per name: {@code otlp} (HTTP/protobuf or gRPC by {@code
   * otel.exporter.otlp[.metrics].protocol}) and {@code console} ({@code logging}) are exported
   * every {@code otel.metric.export.interval}; {@code prometheus} serves a pull endpoint. {@code
   * none} alone gives no reader (metrics off); {@code logging-otlp} warns and is skipped.
   */
  public static List<MetricReader> create(
      ConfigProperties config, AgentSettings settings, MetricsConfig metrics) {
    List<MetricReader> readers = new ArrayList<>();
    for (String name : settings.metricsExporters()) {
      switch (name) {
        case "otlp":
          readers.add(
              periodic(
                  otlp(OtlpExporterConfig.forSignal(OtlpSignal.METRICS, config, settings), metrics),
                  settings));
          break;
        case "console":
        case "logging":
          readers.add(periodic(ConsoleMetricExporter.create(), settings));
          break;
        case "prometheus":
          readers.add(PrometheusReader.fromConfig(config));
          break;
        case "none":
          break;
        default:
          log.warn(
              "otel.metrics.exporter="
                  + name
                  + " is not supported by Weft; no metrics are sent there"
                  + " (use otlp, prometheus or console)");
      }
    }
    return readers;
  }

  private static MetricReader periodic(MetricExporter exporter, AgentSettings settings) {
    return new PeriodicMetricReader(
        exporter, settings.metricExportInterval(), settings.metricExportTimeout());
  }

  private static MetricExporter otlp(OtlpExporterConfig config, MetricsConfig metrics) {
    if (config.protocol().equals(OtlpExporterConfig.GRPC)) {
      return grpc(config, metrics);
    }
    return OtlpMetricExporter.http(config, metrics);
  }

  // Reached only for grpc, so that gRPC classes are resolved only then (see SpanExporters.grpc).
  private static MetricExporter grpc(OtlpExporterConfig config, MetricsConfig metrics) {
    return OtlpGrpcMetricExporter.create(config, metrics);
  }
}
