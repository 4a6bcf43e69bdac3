package dev.weft.core.instrumentation.internal;

import dev.weft.bootstrap.WeftLogger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Counts errors that advice threw and the woven code suppressed, so a bug in an instrumentation can
 * never reach the application yet never goes unseen: each is logged at DEBUG (rate-limited) and the
 * total is reported at exit when there were any.
 */
public final class AdviceErrors {

  private static final WeftLogger log = WeftLogger.get("advice");
  private static final long LOG_INTERVAL_MILLIS = 10_000;

  private final AtomicLong count = new AtomicLong();
  private final AtomicLong lastLogged = new AtomicLong(Long.MIN_VALUE / 2);

  void record(Throwable error) {
    count.incrementAndGet();
    if (!log.isDebug()) {
      return;
    }
    long now = System.nanoTime() / 1_000_000L;
    long last = lastLogged.get();
    if (now - last >= LOG_INTERVAL_MILLIS && lastLogged.compareAndSet(last, now)) {
      log.debug("Suppressed an error thrown by advice (" + count.get() + " so far)", error);
    }
  }

  /** Total suppressed since start-up. */
  public long count() {
    return count.get();
  }
}
