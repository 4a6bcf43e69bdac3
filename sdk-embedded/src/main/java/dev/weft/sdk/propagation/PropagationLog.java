package dev.weft.sdk.propagation;

import dev.weft.bootstrap.WeftLogger;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The propagators' only log output: one DEBUG line at most once a minute, counting what it held
 * back. Headers come from peers, so anything logged per header would let a peer flood the log.
 */
final class PropagationLog {

  private static final WeftLogger log = WeftLogger.get("propagation");
  private static final long INTERVAL_NANOS = TimeUnit.MINUTES.toNanos(1);
  private static final AtomicLong nextLineAt = new AtomicLong(System.nanoTime());
  private static final AtomicLong heldBack = new AtomicLong();

  private PropagationLog() {}

  /** A header was malformed or over a limit and was ignored (in whole or part). */
  static void malformed(String header) {
    long held;
    if (log.isDebug() && (held = takeTurn()) >= 0) {
      log.debug("ignored a malformed or oversized '" + header + "' header" + suffix(held));
    }
  }

  /**
   * A carrier's getter or setter threw: swallowed so that the application's request goes on, except
   * for errors the JVM cannot recover from.
   */
  static void failed(String what, Throwable error) {
    if (error instanceof VirtualMachineError || error instanceof LinkageError) {
      throw (Error) error;
    }
    long held;
    if (log.isDebug() && (held = takeTurn()) >= 0) {
      log.debug(what + " failed, context left unchanged" + suffix(held), error);
    }
  }

  /** -1 when a line was written less than a minute ago, else how many were held back since. */
  private static long takeTurn() {
    long now = System.nanoTime();
    long due = nextLineAt.get();
    if (now - due >= 0 && nextLineAt.compareAndSet(due, now + INTERVAL_NANOS)) {
      return heldBack.getAndSet(0);
    }
    heldBack.incrementAndGet();
    return -1;
  }

  private static String suffix(long held) {
    return held == 0 ? "" : " (" + held + " similar since the last line)";
  }
}
