package dev.weft.sdk.export;

import dev.weft.sdk.trace.data.SpanData;
import dev.weft.sdk.trace.export.ExportResult;
import dev.weft.sdk.trace.export.SpanExporter;
import java.util.Collection;

/** {@code otel.traces.exporter=none}: accepts every batch and sends it nowhere. */
final class NoopSpanExporter implements SpanExporter {

  static final NoopSpanExporter INSTANCE = new NoopSpanExporter();

  private NoopSpanExporter() {}

  @Override
  public ExportResult export(Collection<? extends SpanData> spans, long timeoutNanos) {
    return ExportResult.SUCCESS;
  }

  @Override
  public void shutdown() {}

  @Override
  public String toString() {
    return "none";
  }
}
