package dev.weft.sdk.export;

import dev.weft.bootstrap.WeftLogger;
import dev.weft.sdk.trace.data.SpanData;
import dev.weft.sdk.trace.export.ExportResult;
import dev.weft.sdk.trace.export.SpanExporter;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/**
 * Several exporters, one after the other, sharing the caller's timeout. Succeeds only if all did;
 * one exporter's failure (even a thrown exception) never keeps the others from their batch.
 */
final class CompositeSpanExporter implements SpanExporter {

  private static final WeftLogger log = WeftLogger.get("exporter");

  private final SpanExporter[] exporters;

  CompositeSpanExporter(List<SpanExporter> exporters) {
    this.exporters = exporters.toArray(new SpanExporter[0]);
  }

  @Override
  public ExportResult export(Collection<? extends SpanData> spans, long timeoutNanos) {
    long deadline = System.nanoTime() + timeoutNanos;
    ExportResult result = ExportResult.SUCCESS;
    for (SpanExporter exporter : exporters) {
      long remaining = Math.max(0, deadline - System.nanoTime());
      try {
        if (exporter.export(spans, remaining) != ExportResult.SUCCESS) {
          result = ExportResult.FAILURE;
        }
      } catch (RuntimeException e) {
        log.warnEvery("composite-export", 60_000, "Span exporter " + exporter + " threw: " + e);
        result = ExportResult.FAILURE;
      }
    }
    return result;
  }

  @Override
  public void shutdown() {
    for (SpanExporter exporter : exporters) {
      try {
        exporter.shutdown();
      } catch (RuntimeException e) {
        log.warn("Span exporter " + exporter + " failed to shut down: " + e);
      }
    }
  }

  @Override
  public String toString() {
    List<String> names = new ArrayList<>();
    for (SpanExporter exporter : exporters) {
      names.add(exporter.toString());
    }
    return String.join(" + ", names);
  }
}
