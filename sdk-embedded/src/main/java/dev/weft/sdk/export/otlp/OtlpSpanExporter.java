package dev.weft.sdk.export.otlp;

import dev.weft.sdk.trace.data.SpanData;
import dev.weft.sdk.trace.export.ExportResult;
import dev.weft.sdk.trace.export.SpanExporter;
import java.util.Collection;

/**
 * An OTLP span exporter over one transport: HTTP/protobuf over Weft's own HTTP/1.1 connection
 * ({@link #http}), or gRPC ({@link OtlpGrpcSpanExporter#create}). Retries, counts and logs failures
 * (see {@link OtlpExport}); never throws.
 */
public final class OtlpSpanExporter implements SpanExporter {

  private final OtlpExporterConfig config;
  private final OtlpExport export;

  OtlpSpanExporter(OtlpExporterConfig config, OtlpExport export) {
    this.config = config;
    this.export = export;
  }

  /** An exporter for {@code config} (protocol http/protobuf), connecting on the first export. */
  public static OtlpSpanExporter http(OtlpExporterConfig config) {
    return new OtlpSpanExporter(config, OtlpExport.http(config));
  }

  @Override
  public ExportResult export(Collection<? extends SpanData> spans, long timeoutNanos) {
    return export.export(() -> OtlpTraceEncoder.encode(spans), spans.size(), timeoutNanos);
  }

  @Override
  public void shutdown() {
    export.shutdown();
  }

  // Visible for testing.
  long droppedSpans() {
    return export.dropped();
  }

  @Override
  public String toString() {
    return config.toString();
  }
}
