package dev.weft.sdk.trace.export;

import dev.weft.bootstrap.context.Context;
import dev.weft.core.config.BatchSettings;
import dev.weft.sdk.internal.BatchExporter;
import dev.weft.sdk.trace.SdkSpan;
import dev.weft.sdk.trace.SpanProcessor;
import dev.weft.sdk.trace.data.SpanData;
import java.util.Collection;
import java.util.concurrent.TimeUnit;

/**
 * Queues sampled, ended spans and exports them in batches from one daemon thread ({@code
 * weft-bsp}), started with the first span.
 *
 * <p>Application threads only offer to a bounded lock-free queue: they never block, never take a
 * lock and never call the exporter. When the queue is full the span is dropped and counted; the
 * export thread reports the count in the log, rate-limited. A batch is exported when {@code
 * otel.bsp.max.export.batch.size} spans are queued (the producer that fills it wakes the thread) or
 * when {@code otel.bsp.schedule.delay} has passed since the last export. The machinery is {@link
 * BatchExporter}, shared with the log record processor.
 */
public final class BatchSpanProcessor implements SpanProcessor {

  static final String THREAD_NAME = "weft-bsp";

  private static final BatchExporter.Names NAMES =
      new BatchExporter.Names(THREAD_NAME, "bsp", "spans", "otel.bsp.max.queue.size");

  private final SpanExporter exporter;
  private final long scheduleDelayNanos;
  private final long exportTimeoutNanos;
  private final BatchExporter<SdkSpan> batcher;

  // Visible for testing: settings without a configuration.
  BatchSpanProcessor(
      SpanExporter exporter,
      long scheduleDelayNanos,
      long exportTimeoutNanos,
      int maxQueueSize,
      int maxExportBatchSize) {
    this.exporter = exporter;
    this.scheduleDelayNanos = scheduleDelayNanos;
    this.exportTimeoutNanos = exportTimeoutNanos;
    this.batcher =
        new BatchExporter<>(
            NAMES,
            new Sink(exporter),
            scheduleDelayNanos,
            exportTimeoutNanos,
            maxQueueSize,
            maxExportBatchSize);
  }

  /** A processor with the {@code otel.bsp.*} settings (already validated by AgentSettings). */
  public static BatchSpanProcessor create(SpanExporter exporter, BatchSettings settings) {
    return new BatchSpanProcessor(
        exporter,
        settings.scheduleDelay().toNanos(),
        settings.exportTimeout().toNanos(),
        settings.maxQueueSize(),
        settings.maxExportBatchSize());
  }

  @Override
  public void onStart(Context parentContext, SdkSpan span) {}

  @Override
  public void onEnd(SdkSpan span) {
    if (span.spanContext().isSampled()) {
      batcher.offer(span);
    }
  }

  /** Waits (at most {@code timeout}) until every span queued before this call was exported. */
  @Override
  public boolean forceFlush(long timeout, TimeUnit unit) {
    return batcher.forceFlush(timeout, unit);
  }

  /**
   * Exports what is queued and shuts the exporter down, waiting at most {@code timeout}; the export
   * thread is a daemon, so a slow exporter never keeps the JVM alive. Later spans are ignored.
   */
  @Override
  public boolean shutdown(long timeout, TimeUnit unit) {
    return batcher.shutdown(timeout, unit);
  }

  /** Spans dropped because the queue was full, since start. */
  public long droppedSpans() {
    return batcher.dropped();
  }

  /** Spans handed to the exporter (whatever the result), since start. */
  public long exportedSpans() {
    return batcher.exported();
  }

  // Visible for testing.
  int queueSize() {
    return batcher.queueSize();
  }

  // Visible for testing: null until the first sampled span ended.
  Thread exportThread() {
    return batcher.exportThread();
  }

  @Override
  public String toString() {
    return "BatchSpanProcessor{exporter="
        + exporter
        + ", scheduleDelay="
        + TimeUnit.NANOSECONDS.toMillis(scheduleDelayNanos)
        + "ms, exportTimeout="
        + TimeUnit.NANOSECONDS.toMillis(exportTimeoutNanos)
        + "ms, maxQueueSize="
        + batcher.queueCapacity()
        + ", maxExportBatchSize="
        + batcher.maxExportBatchSize()
        + "}";
  }

  private static final class Sink implements BatchExporter.Sink<SdkSpan> {
    private final SpanExporter exporter;

    Sink(SpanExporter exporter) {
      this.exporter = exporter;
    }

    @Override
    public ExportResult export(Collection<SdkSpan> batch, long timeoutNanos) {
      Collection<? extends SpanData> spans = batch;
      return exporter.export(spans, timeoutNanos);
    }

    @Override
    public void shutdown() {
      exporter.shutdown();
    }

    @Override
    public String toString() {
      return exporter.toString();
    }
  }
}
