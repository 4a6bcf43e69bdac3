package dev.weft.sdk.export.otlp;

import dev.weft.sdk.trace.data.SpanData;
import dev.weft.sdk.trace.export.ExportResult;
import dev.weft.sdk.trace.export.SpanExporter;
import java.util.Collection;

/**
 * OTLP/gRPC over grpc-okhttp, connecting on the first export. Retries, counts and logs failures
 * (see {@link OtlpExport}); never throws.
 *
 * <p>Its {@link GrpcTransport} is the only class that names gRPC types, and this class is reached
 * only through {@link #create}, which {@code SpanExporters} calls only when the protocol is grpc: a
 * JVM exporting over HTTP never loads gRPC.
 */
public final class OtlpGrpcSpanExporter implements SpanExporter {

  private final OtlpExporterConfig config;
  private final OtlpExport export;

  private OtlpGrpcSpanExporter(OtlpExporterConfig config) {
    this.config = config;
    ExportStats stats = new ExportStats(config.endpoint().toString());
    this.export = new OtlpExport(config, new GrpcTransport(config, stats), stats);
  }

  /**
   * An exporter for {@code config} (protocol grpc). Declared as {@link SpanExporter} so that
   * callers link against no type of this class until they call it.
   */
  public static SpanExporter create(OtlpExporterConfig config) {
    return new OtlpGrpcSpanExporter(config);
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
