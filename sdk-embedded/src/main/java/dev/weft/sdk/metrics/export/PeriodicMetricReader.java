package dev.weft.sdk.metrics.export;

import dev.weft.bootstrap.WeftLogger;
import dev.weft.core.api.metrics.InstrumentType;
import dev.weft.sdk.metrics.data.AggregationTemporality;
import dev.weft.sdk.metrics.data.MetricData;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

/**
 * Collects and exports every {@code otel.metric.export.interval} on one daemon thread, {@code
 * weft-metrics}, each export bounded by {@code otel.metric.export.timeout}. At shutdown the thread
 * stops and one final collection is exported on the caller's thread within the time left, so the
 * last interval's measurements are not lost.
 */
public final class PeriodicMetricReader implements MetricReader {

  private static final WeftLogger log = WeftLogger.get("metrics");

  private final MetricExporter exporter;
  private final long intervalNanos;
  private final long timeoutNanos;
  private final Object exportLock = new Object();
  private volatile MetricProducer producer;
  private volatile Thread thread;
  private volatile boolean stopping;

  public PeriodicMetricReader(MetricExporter exporter, Duration interval, Duration timeout) {
    this.exporter = exporter;
    this.intervalNanos = interval.toNanos();
    this.timeoutNanos = timeout.isZero() ? Long.MAX_VALUE : timeout.toNanos();
  }

  @Override
  public AggregationTemporality temporality(InstrumentType type) {
    return exporter.temporality(type);
  }

  @Override
  public boolean exponentialHistograms() {
    return exporter.exponentialHistograms();
  }

  @Override
  public void start(MetricProducer producer) {
    this.producer = producer;
    Thread worker = new Thread(this::run, "weft-metrics");
    worker.setDaemon(true);
    thread = worker;
    worker.start();
  }

  private void run() {
    long next = System.nanoTime() + intervalNanos;
    while (!stopping) {
      long wait = next - System.nanoTime();
      if (wait > 0) {
        LockSupport.parkNanos(this, wait);
        continue;
      }
      next += intervalNanos;
      try {
        collectAndExport(timeoutNanos);
      } catch (Throwable t) {
        if (t instanceof VirtualMachineError) {
          throw (VirtualMachineError) t;
        }
        log.warnEvery("collect", 60_000, "Metric collection failed: " + t);
      }
    }
  }

  /** Collects now and exports; serialized with the periodic run. Visible for tests. */
  public boolean collectAndExport(long exportTimeoutNanos) {
    MetricProducer source = producer;
    if (source == null) {
      return true;
    }
    synchronized (exportLock) {
      List<MetricData> metrics = source.collect();
      if (metrics.isEmpty()) {
        return true;
      }
      return exporter.export(metrics, exportTimeoutNanos)
          == dev.weft.sdk.trace.export.ExportResult.SUCCESS;
    }
  }

  @Override
  public boolean shutdown(long timeoutNanos) {
    long deadline = System.nanoTime() + timeoutNanos;
    stopping = true;
    Thread worker = thread;
    if (worker != null) {
      LockSupport.unpark(worker);
      try {
        worker.join(Math.max(1, TimeUnit.NANOSECONDS.toMillis(timeoutNanos)));
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
    boolean exported;
    try {
      exported =
          collectAndExport(Math.min(this.timeoutNanos, Math.max(0, deadline - System.nanoTime())));
    } finally {
      exporter.shutdown();
    }
    return exported;
  }

  @Override
  public String toString() {
    return exporter + " every " + TimeUnit.NANOSECONDS.toMillis(intervalNanos) + " ms";
  }
}
