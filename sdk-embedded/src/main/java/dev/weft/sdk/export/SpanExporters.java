package dev.weft.sdk.export;

import dev.weft.core.config.AgentSettings;
import dev.weft.core.config.ConfigProperties;
import dev.weft.sdk.trace.data.SpanData;
import dev.weft.sdk.trace.export.ExportResult;
import dev.weft.sdk.trace.export.SpanExporter;
import java.util.Collection;

/**
 * PLACEHOLDER, replaced by the exporter work (OTLP and console exporters) when the branches merge:
 * only the signature of {@link #create} is relied on by {@code EmbeddedSdk}. Until then every span
 * is dropped.
 */
public final class SpanExporters {

  private SpanExporters() {}

  /** The exporter named by {@code otel.traces.exporter}; this placeholder drops everything. */
  public static SpanExporter create(ConfigProperties config, AgentSettings settings) {
    return new SpanExporter() {
      @Override
      public ExportResult export(Collection<? extends SpanData> spans, long timeoutNanos) {
        return ExportResult.SUCCESS;
      }

      @Override
      public void shutdown() {}

      @Override
      public String toString() {
        return "none (placeholder exporter)";
      }
    };
  }
}
