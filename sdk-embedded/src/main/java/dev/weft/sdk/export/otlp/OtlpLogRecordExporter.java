package dev.weft.sdk.export.otlp;

import dev.weft.sdk.logs.LogRecordData;
import dev.weft.sdk.logs.export.LogRecordExporter;
import dev.weft.sdk.trace.export.ExportResult;
import java.util.Collection;

/**
 * An OTLP log record exporter over one transport: HTTP/protobuf over Weft's own HTTP/1.1 connection
 * ({@link #http}), or gRPC ({@link OtlpGrpcLogRecordExporter#create}). Retries, counts and logs
 * failures (see {@link OtlpExport}); never throws.
 */
public final class OtlpLogRecordExporter implements LogRecordExporter {

  private final OtlpExporterConfig config;
  private final OtlpExport export;

  OtlpLogRecordExporter(OtlpExporterConfig config, OtlpExport export) {
    this.config = config;
    this.export = export;
  }

  /** An exporter for {@code config} (protocol http/protobuf), connecting on the first export. */
  public static OtlpLogRecordExporter http(OtlpExporterConfig config) {
    return new OtlpLogRecordExporter(config, OtlpExport.http(config));
  }

  @Override
  public ExportResult export(Collection<? extends LogRecordData> records, long timeoutNanos) {
    return export.export(() -> OtlpLogsEncoder.encode(records), records.size(), timeoutNanos);
  }

  @Override
  public void shutdown() {
    export.shutdown();
  }

  // Visible for testing.
  long droppedLogRecords() {
    return export.dropped();
  }

  @Override
  public String toString() {
    return config.toString();
  }
}
