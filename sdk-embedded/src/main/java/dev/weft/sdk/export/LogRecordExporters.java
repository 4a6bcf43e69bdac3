package dev.weft.sdk.export;

import dev.weft.bootstrap.WeftLogger;
import dev.weft.core.config.AgentSettings;
import dev.weft.core.config.ConfigProperties;
import dev.weft.sdk.export.console.ConsoleLogRecordExporter;
import dev.weft.sdk.export.otlp.OtlpExporterConfig;
import dev.weft.sdk.export.otlp.OtlpGrpcLogRecordExporter;
import dev.weft.sdk.export.otlp.OtlpLogRecordExporter;
import dev.weft.sdk.export.otlp.OtlpSignal;
import dev.weft.sdk.logs.LogRecordData;
import dev.weft.sdk.logs.export.LogRecordExporter;
import dev.weft.sdk.trace.export.ExportResult;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/** Builds the log record exporter that {@code otel.logs.exporter} names. */
public final class LogRecordExporters {

  private static final WeftLogger log = WeftLogger.get("exporter");

  private LogRecordExporters() {}

  /**
   * The exporter for {@code settings.logsExporters()}: {@code otlp} (HTTP/protobuf or gRPC by
   * {@code otel.exporter.otlp[.logs].protocol}), {@code console} ({@code logging} is its alias);
   * several names give a composite. Null for {@code none} (or nothing usable): then no logger
   * provider is registered and bridges build nothing. {@code logging-otlp} is not supported: one
   * WARN, then skipped. Nothing connects yet.
   */
  public static LogRecordExporter create(ConfigProperties config, AgentSettings settings) {
    List<LogRecordExporter> exporters = new ArrayList<>();
    for (String name : settings.logsExporters()) {
      switch (name) {
        case "otlp":
          exporters.add(otlp(OtlpExporterConfig.forSignal(OtlpSignal.LOGS, config, settings)));
          break;
        case "console":
        case "logging":
          exporters.add(ConsoleLogRecordExporter.create());
          break;
        case "none":
          break;
        default:
          log.warn(
              "otel.logs.exporter="
                  + name
                  + " is not supported by Weft; no log records are sent there (use otlp or"
                  + " console)");
      }
    }
    if (exporters.isEmpty()) {
      return null;
    }
    return exporters.size() == 1 ? exporters.get(0) : new Composite(exporters);
  }

  private static LogRecordExporter otlp(OtlpExporterConfig config) {
    if (config.protocol().equals(OtlpExporterConfig.GRPC)) {
      return grpc(config);
    }
    return OtlpLogRecordExporter.http(config);
  }

  // A method of its own, reached only for grpc, so that loading this class never resolves gRPC
  // (as SpanExporters.grpc; LogRecordExportersClassLoadingTest holds us to it).
  private static LogRecordExporter grpc(OtlpExporterConfig config) {
    return OtlpGrpcLogRecordExporter.create(config);
  }

  /** Exports each batch to every exporter; fails if any failed. */
  private static final class Composite implements LogRecordExporter {
    private final List<LogRecordExporter> exporters;

    Composite(List<LogRecordExporter> exporters) {
      this.exporters = List.copyOf(exporters);
    }

    @Override
    public ExportResult export(Collection<? extends LogRecordData> records, long timeoutNanos) {
      ExportResult result = ExportResult.SUCCESS;
      for (LogRecordExporter exporter : exporters) {
        if (exporter.export(records, timeoutNanos) != ExportResult.SUCCESS) {
          result = ExportResult.FAILURE;
        }
      }
      return result;
    }

    @Override
    public void shutdown() {
      exporters.forEach(LogRecordExporter::shutdown);
    }

    @Override
    public String toString() {
      return exporters.toString();
    }
  }
}
