package dev.weft.sdk.export.otlp;

import dev.weft.sdk.trace.data.SpanData;
import dev.weft.sdk.trace.export.ExportResult;
import dev.weft.sdk.trace.export.SpanExporter;
import java.util.Collection;

/**
 * OTLP/HTTP with protobuf bodies over the JDK's {@code HttpClient}, connecting on the first export.
 * Retries, counts and logs failures (see {@link OtlpExport}); never throws.
 */
public final class OtlpHttpSpanExporter implements SpanExporter {

  private final OtlpExporterConfig config;
  private final OtlpExport export;

  private OtlpHttpSpanExporter(OtlpExporterConfig config) {
    this.config = config;
    ExportStats stats = new ExportStats(config.endpoint().toString());
    this.export = new OtlpExport(config, new HttpTransport(config, stats), stats);
  }

  /** An exporter for {@code config} (protocol http/protobuf). */
  public static OtlpHttpSpanExporter create(OtlpExporterConfig config) {
    return new OtlpHttpSpanExporter(config);
  }

  @Override
  public ExportResult export(Collection<? extends SpanData> spans, long timeoutNanos) {
    return export.export(spans, timeoutNanos);
  }

  @Override
  public void shutdown() {
    export.shutdown();
  }

  // Visible for testing.
  long droppedSpans() {
    return export.droppedSpans();
  }

  @Override
  public String toString() {
    return config.toString();
  }
}
