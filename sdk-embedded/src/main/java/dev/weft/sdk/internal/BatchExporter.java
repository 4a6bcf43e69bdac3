package dev.weft.sdk.internal;

import dev.weft.bootstrap.WeftLogger;
import dev.weft.bootstrap.context.Context;
import dev.weft.bootstrap.context.Scope;
import dev.weft.sdk.trace.export.ExportResult;
import java.util.Collection;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.LongAdder;

/**
 * What the batch span and log record processors share: a bounded lock-free queue that application
 * threads offer to, and one daemon export thread, started with the first item, that drains it into
 * an exporter in batches.
 *
 * <p>{@link #offer} never blocks, never takes a lock and never calls the exporter. When the queue
 * is full the item is dropped and counted; the export thread reports the count in the log,
 * rate-limited. A batch is exported when {@code maxExportBatchSize} items are queued (the producer
 * that fills it wakes the thread) or when the schedule delay has passed since the last export.
 */
public final class BatchExporter<T> {

  /** The exporter as the export thread sees it. */
  public interface Sink<T> {
    /** Exports one batch within {@code timeoutNanos}; must not throw (a throw is counted). */
    ExportResult export(Collection<T> batch, long timeoutNanos);

    void shutdown();
  }

  /** How this batcher names itself: thread, log component, items, queue-size key. */
  public static final class Names {
    private final String threadName;
    private final String component;
    private final String items;
    private final String queueSizeKey;

    public Names(String threadName, String component, String items, String queueSizeKey) {
      this.threadName = threadName;
      this.component = component;
      this.items = items;
      this.queueSizeKey = queueSizeKey;
    }

    String threadName() {
      return threadName;
    }

    String component() {
      return component;
    }

    String items() {
      return items;
    }

    String queueSizeKey() {
      return queueSizeKey;
    }
  }

  private static final int NEW = 0;
  private static final int RUNNING = 1;
  private static final int SHUT_DOWN = 2;

  private final Names names;
  private final WeftLogger log;
  private final BoundedMpscQueue<T> queue;
  private final int maxExportBatchSize;
  private final LongAdder dropped = new LongAdder();
  private final AtomicInteger state = new AtomicInteger(NEW);
  private final BatchExportWorker<T> worker;
  private volatile Thread thread;

  public BatchExporter(
      Names names,
      Sink<T> exporter,
      long scheduleDelayNanos,
      long exportTimeoutNanos,
      int maxQueueSize,
      int maxExportBatchSize) {
    if (maxExportBatchSize < 1 || maxExportBatchSize > maxQueueSize) {
      throw new IllegalArgumentException("batch size must be in [1, queue size]");
    }
    this.names = names;
    this.log = WeftLogger.get(names.component());
    this.queue = new BoundedMpscQueue<>(maxQueueSize);
    this.maxExportBatchSize = maxExportBatchSize;
    this.worker =
        new BatchExportWorker<>(
            names,
            exporter,
            queue,
            maxExportBatchSize,
            scheduleDelayNanos,
            exportTimeoutNanos,
            dropped);
  }

  /** Queues {@code item}, or drops and counts it when the queue is full or shut down. */
  public void offer(T item) {
    if (state.get() == SHUT_DOWN) {
      return;
    }
    if (!queue.offer(item)) {
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

  /** Waits (at most {@code timeout}) until every item queued before this call was exported. */
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
   * thread is a daemon, so a slow exporter never keeps the JVM alive. Later items are ignored.
   */
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
      // No inherited thread locals: the first item may come from any application thread.
      Thread created = new Thread(null, worker, names.threadName(), 0, false);
      created.setDaemon(true);
      created.setContextClassLoader(BatchExporter.class.getClassLoader());
      thread = created;
      // Started from whatever item comes first: under root, so the executors instrumentation
      // does not hand that item's context to a thread that lives as long as the JVM.
      try (Scope ignored = Context.root().makeCurrent()) {
        created.start();
      }
    } catch (Throwable t) {
      // Out of native threads, most likely: stop accepting items rather than queue them forever.
      state.set(SHUT_DOWN);
      log.warn(
          "Could not start the export thread; " + names.items() + " will not be exported: " + t);
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

  /** Items dropped because the queue was full, since start. */
  public long dropped() {
    return dropped.sum();
  }

  /** Items handed to the exporter (whatever the result), since start. */
  public long exported() {
    return worker.exportedItems();
  }

  public int queueSize() {
    return queue.size();
  }

  public int queueCapacity() {
    return queue.capacity();
  }

  public int maxExportBatchSize() {
    return maxExportBatchSize;
  }

  /** Null until the first item was offered. */
  public Thread exportThread() {
    return thread;
  }
}
