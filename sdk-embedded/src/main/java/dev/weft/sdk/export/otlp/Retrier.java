package dev.weft.sdk.export.otlp;

import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;

/**
 * Repeats an export attempt by the OTLP exporter rules the Java SDK follows: at most 5 attempts,
 * exponential backoff from 1 s by 1.5 up to 5 s with jitter in [0.8, 1.2), or the server's
 * requested delay. Every attempt and every wait fits in the caller's export timeout: a retry that
 * would end after it is not started. Stateless apart from its settings; thread-safe.
 */
final class Retrier {

  /** Sends the request once, giving up after {@code timeoutNanos}. */
  interface Attempt {
    AttemptResult send(long timeoutNanos) throws InterruptedException;
  }

  static final int MAX_ATTEMPTS = 5;
  static final long INITIAL_BACKOFF_NANOS = TimeUnit.SECONDS.toNanos(1);
  static final long MAX_BACKOFF_NANOS = TimeUnit.SECONDS.toNanos(5);
  static final double MULTIPLIER = 1.5;

  private final boolean enabled;
  private final long requestTimeoutNanos;

  /** A {@code requestTimeoutNanos} of 0 means no limit per request but the export's own. */
  Retrier(boolean enabled, long requestTimeoutNanos) {
    this.enabled = enabled;
    this.requestTimeoutNanos = requestTimeoutNanos > 0 ? requestTimeoutNanos : Long.MAX_VALUE;
  }

  /**
   * {@link AttemptResult#SUCCESS}, or a failure whose reason says what the last attempt met and why
   * no further attempt was made. Interruption ends the export and keeps the interrupt flag.
   */
  AttemptResult run(Attempt attempt, long exportTimeoutNanos) {
    long deadline = System.nanoTime() + exportTimeoutNanos;
    for (int attempts = 1; ; attempts++) {
      long remaining = deadline - System.nanoTime();
      if (remaining <= 0) {
        return AttemptResult.failed("export timeout reached before attempt " + attempts);
      }
      try {
        AttemptResult result = attempt.send(Math.min(requestTimeoutNanos, remaining));
        if (result.kind() != AttemptResult.Kind.RETRYABLE) {
          return result;
        }
        long delay =
            result.delayNanos() >= 0 ? result.delayNanos() : backoffNanos(attempts, jitter());
        String stop = whyNotRetry(attempts, delay, deadline);
        if (stop != null) {
          return AttemptResult.failed(result.reason() + " (" + stop + ")");
        }
        TimeUnit.NANOSECONDS.sleep(delay);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return AttemptResult.failed("interrupted during attempt " + attempts);
      }
    }
  }

  private String whyNotRetry(int attempts, long delayNanos, long deadline) {
    if (!enabled) {
      return "retries disabled by otel.java.exporter.otlp.retry.disabled";
    }
    if (attempts >= MAX_ATTEMPTS) {
      return "gave up after " + attempts + " attempts";
    }
    if (System.nanoTime() + delayNanos >= deadline) {
      return "retry in "
          + TimeUnit.NANOSECONDS.toMillis(delayNanos)
          + " ms would not fit in the export timeout; gave up after "
          + attempts
          + (attempts == 1 ? " attempt" : " attempts");
    }
    return null;
  }

  /** The backoff after the {@code retry}-th failed attempt (1-based), scaled by {@code jitter}. */
  static long backoffNanos(int retry, double jitter) {
    double base = INITIAL_BACKOFF_NANOS * Math.pow(MULTIPLIER, retry - 1);
    return (long) (Math.min(base, MAX_BACKOFF_NANOS) * jitter);
  }

  private static double jitter() {
    return ThreadLocalRandom.current().nextDouble(0.8, 1.2);
  }

  @Override
  public String toString() {
    return enabled ? "retry up to " + MAX_ATTEMPTS + " attempts" : "no retry";
  }
}
