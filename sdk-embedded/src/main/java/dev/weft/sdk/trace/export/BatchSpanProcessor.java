package dev.weft.sdk.trace.export;

import dev.weft.bootstrap.WeftLogger;
import dev.weft.bootstrap.context.Context;
import dev.weft.bootstrap.context.Scope;
import dev.weft.core.config.BatchSettings;
import dev.weft.sdk.internal.BoundedMpscQueue;
import dev.weft.sdk.trace.SdkSpan;
import dev.weft.sdk.trace.SpanProcessor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.LongAdder;

/**
 * Queues sampled, ended spans and exports them in batches from one daemon thread ({@code
 * weft-bsp}), started with the first span.
 *
 * <p>Application threads only offer to a bounded lock-free queue: they never block, never take a
 * lock and never call the exporter. When the queue is full the span is dropped and counted; the
 * export thread reports the count in the log, rate-limited. A batch is exported when {@code
 * otel.bsp.max.export.batch.size} spans are queued (the producer that fills it wakes the thread) or
 * when {@code otel.bsp.schedule.delay} has passed since the last export.
 */
public final class BatchSpanProcessor implements SpanProcessor {

  static final String THREAD_NAME = "weft-bsp";

  private static final WeftLogger log = WeftLogger.get("bsp");

  private static final int NEW = 0;
  private static final int RUNNING = 1;
  private static final int SHUT_DOWN = 2;

  private final SpanExporter exporter;
  private final BoundedMpscQueue<SdkSpan> queue;
  private final int maxExportBatchSize;
  private final long scheduleDelayNanos;
  private final long exportTimeoutNanos;
  private final LongAdder dropped = new LongAdder();
  private final AtomicInteger state = new AtomicInteger(NEW);
  private final BatchExportWorker worker;
  private volatile Thread thread;

  // Visible for testing: settings without a configuration.
  BatchSpanProcessor(
      SpanExporter exporter,
      long scheduleDelayNanos,
      long exportTimeoutNanos,
      int maxQueueSize,
      int maxExportBatchSize) {
    if (maxExportBatchSize < 1 || maxExportBatchSize > maxQueueSize) {
      throw new IllegalArgumentException("batch size must be in [1, queue size]");
    }
    this.exporter = exporter;
    this.queue = new BoundedMpscQueue<>(maxQueueSize);
    this.maxExportBatchSize = maxExportBatchSize;
    this.scheduleDelayNanos = scheduleDelayNanos;
    this.exportTimeoutNanos = exportTimeoutNanos;
    this.worker =
        new BatchExportWorker(
            exporter, queue, maxExportBatchSize, scheduleDelayNanos, exportTimeoutNanos, dropped);
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
    if (!span.spanContext().isSampled() || state.get() == SHUT_DOWN) {
      return;
    }
    if (!queue.offer(span)) {
      dropped.increment(); // reported by the export thread, never logged from here
      return;
    }
    Thread exportThread = thread;
    if (exportThread == null) {
      startThread();
    } else if (queue.size() >= maxExportBatchSize) {
      worker.wakeForFullBatch(exportThread);
    }
  }

  /** Waits (at most {@code timeout}) until every span queued before this call was exported. */
  @Override
  public boolean forceFlush(long timeout, TimeUnit unit) {
    Thread exportThread = thread;
    if (exportThread == null) {
      if (queue.size() == 0) {
        return true;
      }
      startThread();
      exportThread = thread;
    }
    return exportThread != null && worker.flush(exportThread, unit.toNanos(timeout));
  }

  /**
   * Exports what is queued and shuts the exporter down, waiting at most {@code timeout}; the export
   * thread is a daemon, so a slow exporter never keeps the JVM alive. Later spans are ignored.
   */
  @Override
  public boolean shutdown(long timeout, TimeUnit unit) {
    int previous = state.getAndSet(SHUT_DOWN);
    if (previous == SHUT_DOWN) {
      return true;
    }
    if (previous == NEW) {
      worker.shutdownExporter(); // no thread was ever started, so nothing is queued
      return true;
    }
    long deadline = System.nanoTime() + unit.toNanos(timeout);
    Thread exportThread = awaitThreadField(deadline);
    return exportThread == null || worker.stop(exportThread, deadline - System.nanoTime());
  }

  private void startThread() {
    if (!state.compareAndSet(NEW, RUNNING)) {
      return;
    }
    try {
      // No inherited thread locals: the first span may end on any application thread.
      Thread created = new Thread(null, worker, THREAD_NAME, 0, false);
      created.setDaemon(true);
      created.setContextClassLoader(BatchSpanProcessor.class.getClassLoader());
      thread = created;
      // Started from whatever span ends first: under root, so the executors instrumentation does
      // not hand that span's context to a thread that lives as long as the JVM.
      try (Scope ignored = Context.root().makeCurrent()) {
        created.start();
      }
    } catch (Throwable t) {
      // Out of native threads, most likely: stop accepting spans rather than queue them forever.
      state.set(SHUT_DOWN);
      log.warn("Could not start the span export thread; spans will not be exported: " + t);
    }
  }

  /**
   * The thread field is set right after the RUNNING transition; wait out that window (bounded:
   * thread creation may have failed).
   */
  private Thread awaitThreadField(long deadline) {
    Thread exportThread;
    while ((exportThread = thread) == null && deadline - System.nanoTime() > 0) {
      Thread.onSpinWait();
    }
    return exportThread;
  }

  /** Spans dropped because the queue was full, since start. */
  public long droppedSpans() {
    return dropped.sum();
  }

  /** Spans handed to the exporter (whatever the result), since start. */
  public long exportedSpans() {
    return worker.exportedSpans();
  }

  // Visible for testing.
  int queueSize() {
    return queue.size();
  }

  // Visible for testing: null until the first sampled span ended.
  Thread exportThread() {
    return thread;
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
        + queue.capacity()
        + ", maxExportBatchSize="
        + maxExportBatchSize
        + "}";
  }
}
