package dev.weft.sdk.internal;

import dev.weft.bootstrap.WeftLogger;
import dev.weft.bootstrap.context.Context;
import dev.weft.bootstrap.context.Scope;
import dev.weft.core.api.Suppression;
import dev.weft.sdk.trace.export.ExportResult;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;
import java.util.concurrent.locks.LockSupport;

/**
 * The body of a batch export thread ({@code weft-bsp} for spans, {@code weft-blrp} for log
 * records): waits for a full batch, the schedule delay, a flush or shutdown, then drains the queue
 * into the exporter. Catches everything an exporter throws, counts it and carries on; only a {@link
 * VirtualMachineError} ends the thread, and it says so first.
 */
final class BatchExportWorker<T> implements Runnable {

  private static final long REPORT_INTERVAL_NANOS = TimeUnit.MINUTES.toNanos(1);

  private final WeftLogger log;
  private final BatchExporter.Names names;
  private final BatchExporter.Sink<T> exporter;
  private final BoundedMpscQueue<T> queue;
  private final int batchSize;
  private final long scheduleDelayNanos;
  private final long exportTimeoutNanos;
  private final LongAdder dropped;
  private final ConcurrentLinkedQueue<CountDownLatch> flushRequests = new ConcurrentLinkedQueue<>();
  private final CountDownLatch stopped = new CountDownLatch(1);
  private final AtomicLong exported = new AtomicLong();
  // Set by the worker just before it parks; producers read it to decide whether to unpark.
  private volatile boolean parked;
  private volatile boolean stopping;
  // Written before stopping is set; read after it is seen, so the volatile write orders both.
  private long stopDeadlineNanos;

  // Export thread only.
  private long reportedDrops;
  private long lastReportNanos;
  private boolean reportedOnce;

  BatchExportWorker(
      BatchExporter.Names names,
      BatchExporter.Sink<T> exporter,
      BoundedMpscQueue<T> queue,
      int batchSize,
      long scheduleDelayNanos,
      long exportTimeoutNanos,
      LongAdder dropped) {
    this.log = WeftLogger.get(names.component());
    this.names = names;
    this.exporter = exporter;
    this.queue = queue;
    this.batchSize = batchSize;
    this.scheduleDelayNanos = scheduleDelayNanos;
    this.exportTimeoutNanos = exportTimeoutNanos;
    this.dropped = dropped;
  }

  @Override
  public void run() {
    // Whatever the exporter does (HTTP, gRPC) must never be traced itself.
    Scope suppressed = Suppression.suppress(Context.root()).makeCurrent();
    try {
      loop();
    } catch (VirtualMachineError e) {
      log.warn("Export thread stopped; " + names.items() + " will no longer be exported: " + e);
      throw e;
    } finally {
      suppressed.close();
      stopped.countDown();
      releaseFlushes(); // nobody waits forever on a dead thread
    }
  }

  private void loop() {
    long nextExportAt = System.nanoTime() + scheduleDelayNanos;
    while (true) {
      boolean stop = stopping;
      if (stop || !flushRequests.isEmpty()) {
        List<CountDownLatch> served = takeFlushRequests();
        exportAll();
        reportDrops(true);
        served.forEach(CountDownLatch::countDown);
        if (stop) {
          shutdownExporter();
          return;
        }
        nextExportAt = System.nanoTime() + scheduleDelayNanos;
      } else if (queue.size() >= batchSize) {
        exportBatch();
        reportDrops(false);
      } else if (System.nanoTime() - nextExportAt >= 0) {
        exportAll();
        reportDrops(false);
        nextExportAt = System.nanoTime() + scheduleDelayNanos;
      } else {
        parkUntil(nextExportAt);
      }
    }
  }

  private void parkUntil(long deadline) {
    parked = true;
    // Re-check after publishing "parked": a producer that filled a batch before it saw the flag
    // is seen here; one that fills it after sees the flag and unparks us.
    if (queue.size() < batchSize && !stopping && flushRequests.isEmpty()) {
      LockSupport.parkNanos(this, deadline - System.nanoTime());
    }
    parked = false;
    // An interrupt would make every later park return at once: a busy loop. Nobody should
    // interrupt this thread; if someone does, it is ignored.
    Thread.interrupted();
  }

  /** Called by a producer whose item completed a batch. Never blocks. */
  void wakeForFullBatch(Thread exportThread) {
    if (parked) {
      LockSupport.unpark(exportThread);
    }
  }

  boolean flush(Thread exportThread, long timeoutNanos) {
    CountDownLatch done = new CountDownLatch(1);
    flushRequests.add(done);
    LockSupport.unpark(exportThread);
    if (stopped.getCount() == 0) {
      return queue.size() == 0;
    }
    return await(done, timeoutNanos);
  }

  boolean stop(Thread exportThread, long timeoutNanos) {
    stopDeadlineNanos = System.nanoTime() + timeoutNanos;
    stopping = true;
    LockSupport.unpark(exportThread);
    return await(stopped, timeoutNanos);
  }

  /**
   * The export timeout, cut to what is left of the shutdown wait once stopping: at JVM exit a
   * collector that is down must not hold the process up with retries nobody waits for.
   */
  private long exportBudgetNanos() {
    if (!stopping) {
      return exportTimeoutNanos;
    }
    return Math.max(1, Math.min(exportTimeoutNanos, stopDeadlineNanos - System.nanoTime()));
  }

  long exportedItems() {
    return exported.get();
  }

  /** Exports everything queued now, in batches; items arriving meanwhile wait for next time. */
  private void exportAll() {
    int pending = queue.size();
    while (pending > 0) {
      int exportedNow = exportBatch();
      if (exportedNow == 0) {
        return;
      }
      pending -= exportedNow;
    }
  }

  private int exportBatch() {
    List<T> batch = new ArrayList<>(Math.min(batchSize, Math.max(1, queue.size())));
    int count = queue.drainTo(batch, batchSize);
    if (count == 0) {
      return 0;
    }
    exported.addAndGet(count);
    try {
      ExportResult result = exporter.export(batch, exportBudgetNanos());
      if (result != ExportResult.SUCCESS && log.isDebug()) {
        log.debug("Export of " + count + " " + names.items() + " failed; they are dropped");
      }
    } catch (VirtualMachineError e) {
      throw e;
    } catch (Throwable t) {
      // The exporter broke its contract (it must not throw); the batch is lost, the thread lives.
      log.warnEvery(
          names.component() + "-exporter-threw",
          REPORT_INTERVAL_NANOS / 1_000_000,
          "Exporter " + exporter + " threw; dropped " + count + " " + names.items() + ": " + t);
    }
    return count;
  }

  private void reportDrops(boolean force) {
    long total = dropped.sum();
    long unreported = total - reportedDrops;
    long now = System.nanoTime();
    if (unreported == 0
        || (!force && reportedOnce && now - lastReportNanos < REPORT_INTERVAL_NANOS)) {
      return;
    }
    reportedDrops = total;
    lastReportNanos = now;
    reportedOnce = true;
    log.warn(
        "dropped "
            + unreported
            + " "
            + names.items()
            + ": queue full ("
            + names.queueSizeKey()
            + "="
            + queue.capacity()
            + ")");
  }

  void shutdownExporter() {
    try {
      exporter.shutdown();
    } catch (VirtualMachineError e) {
      throw e;
    } catch (Throwable t) {
      log.warn("Exporter " + exporter + " failed to shut down: " + t);
    }
  }

  private List<CountDownLatch> takeFlushRequests() {
    List<CountDownLatch> taken = new ArrayList<>();
    CountDownLatch request;
    while ((request = flushRequests.poll()) != null) {
      taken.add(request);
    }
    return taken;
  }

  private void releaseFlushes() {
    CountDownLatch request;
    while ((request = flushRequests.poll()) != null) {
      request.countDown();
    }
  }

  private static boolean await(CountDownLatch latch, long timeoutNanos) {
    try {
      return latch.await(Math.max(0, timeoutNanos), TimeUnit.NANOSECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    }
  }
}
