package dev.weft.sdk.testing;

import dev.weft.sdk.trace.data.SpanData;
import dev.weft.sdk.trace.export.ExportResult;
import dev.weft.sdk.trace.export.SpanExporter;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * Keeps exported spans in memory and records which threads called it. Can be made to block in
 * {@link #export} (to fill a processor's queue) until {@link #unblock()}. Thread-safe.
 */
public final class InMemorySpanExporter implements SpanExporter {

  private final Object lock = new Object();
  private final List<SpanData> spans = new ArrayList<>();
  private final List<Integer> batchSizes = new ArrayList<>();
  private final Set<String> callerThreads = new LinkedHashSet<>();
  private final CountDownLatch exportEntered = new CountDownLatch(1);
  private volatile CountDownLatch gate;
  private volatile RuntimeException toThrow;
  private int shutdowns;

  /** Makes every export wait until {@link #unblock()}. */
  public InMemorySpanExporter blocking() {
    gate = new CountDownLatch(1);
    return this;
  }

  public void unblock() {
    CountDownLatch current = gate;
    if (current != null) {
      current.countDown();
    }
  }

  /** Makes the next exports throw {@code error} (null: stop throwing). */
  public void throwing(RuntimeException error) {
    toThrow = error;
  }

  @Override
  public ExportResult export(Collection<? extends SpanData> batch, long timeoutNanos) {
    synchronized (lock) {
      callerThreads.add(Thread.currentThread().getName());
    }
    exportEntered.countDown();
    CountDownLatch current = gate;
    if (current != null) {
      try {
        current.await(30, TimeUnit.SECONDS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
    RuntimeException error = toThrow;
    if (error != null) {
      throw error;
    }
    synchronized (lock) {
      spans.addAll(batch);
      batchSizes.add(batch.size());
      lock.notifyAll();
    }
    return ExportResult.SUCCESS;
  }

  @Override
  public void shutdown() {
    synchronized (lock) {
      shutdowns++;
      lock.notifyAll();
    }
  }

  /** Waits (bounded) until the first export call has begun. */
  public boolean awaitExportEntered(Duration timeout) throws InterruptedException {
    return exportEntered.await(timeout.toMillis(), TimeUnit.MILLISECONDS);
  }

  /** Waits (bounded) until at least {@code count} spans were exported; returns all exported. */
  public List<SpanData> awaitSpans(int count, Duration timeout) throws InterruptedException {
    long deadline = System.nanoTime() + timeout.toNanos();
    synchronized (lock) {
      while (spans.size() < count) {
        long left = deadline - System.nanoTime();
        if (left <= 0) {
          throw new AssertionError(
              "expected " + count + " exported spans within " + timeout + ", got " + spans.size());
        }
        TimeUnit.NANOSECONDS.timedWait(lock, left);
      }
      return new ArrayList<>(spans);
    }
  }

  public List<SpanData> spans() {
    synchronized (lock) {
      return new ArrayList<>(spans);
    }
  }

  public List<Integer> batchSizes() {
    synchronized (lock) {
      return new ArrayList<>(batchSizes);
    }
  }

  public Set<String> callerThreads() {
    synchronized (lock) {
      return new LinkedHashSet<>(callerThreads);
    }
  }

  public int shutdowns() {
    synchronized (lock) {
      return shutdowns;
    }
  }

  @Override
  public String toString() {
    return "InMemorySpanExporter";
  }
}
