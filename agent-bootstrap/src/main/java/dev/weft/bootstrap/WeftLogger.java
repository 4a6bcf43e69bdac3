package dev.weft.bootstrap;

import java.io.PrintStream;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The agent's own logger: one line per message on standard error, prefixed {@code [weft]}.
 *
 * <p>Never the application's logging framework (not even triggering its initialisation) and never
 * standard output. Quiet by default: INFO for the single start-up line, WARN only when the user
 * must act, everything else DEBUG. Stack traces are printed only at DEBUG.
 *
 * <p>Thread-safe. The level is set once at start-up by {@link #configure} and read without locking.
 */
public final class WeftLogger {

  /** Output levels, quietest last. */
  public enum Level {
    DEBUG,
    INFO,
    WARN,
    /** {@code otel.javaagent.logging=none}: nothing at all. */
    OFF
  }

  // Not final: tests redirect it. Volatile so a redirect is seen by agent threads.
  private static volatile PrintStream out = System.err;
  private static volatile Level level = Level.INFO;
  private static final ConcurrentHashMap<String, AtomicLong> lastByKey = new ConcurrentHashMap<>();
  private static final ConcurrentHashMap<String, AtomicLong> suppressedByKey =
      new ConcurrentHashMap<>();

  private final String name;

  private WeftLogger(String name) {
    this.name = name;
  }

  /** A logger whose lines carry {@code name} (a short component name, not a class name). */
  public static WeftLogger get(String name) {
    return new WeftLogger(name);
  }

  /** Sets the global level; called once at start-up from configuration. */
  public static void configure(Level newLevel) {
    level = newLevel;
  }

  /** Visible for testing: sends all agent log lines to {@code stream}. */
  public static void redirect(PrintStream stream) {
    out = stream;
  }

  public static Level level() {
    return level;
  }

  public boolean isDebug() {
    return level == Level.DEBUG;
  }

  public void debug(String message) {
    if (level == Level.DEBUG) {
      write("DEBUG", message, null);
    }
  }

  public void debug(String message, Throwable error) {
    if (level == Level.DEBUG) {
      write("DEBUG", message, error);
    }
  }

  public void info(String message) {
    if (level.compareTo(Level.INFO) <= 0) {
      write("INFO", message, null);
    }
  }

  public void warn(String message) {
    warn(message, null);
  }

  /** A warning; the throwable's stack trace is printed only when DEBUG is on. */
  public void warn(String message, Throwable error) {
    if (level.compareTo(Level.WARN) <= 0) {
      write("WARN", message, error);
    }
  }

  /**
   * A warning printed at most once per {@code intervalMillis} for {@code key}; the line says how
   * many were held back since the last one.
   */
  public void warnEvery(String key, long intervalMillis, String message) {
    if (level.compareTo(Level.WARN) > 0) {
      return;
    }
    long now = System.nanoTime() / 1_000_000L;
    AtomicLong last = lastByKey.computeIfAbsent(key, k -> new AtomicLong(Long.MIN_VALUE / 2));
    AtomicLong held = suppressedByKey.computeIfAbsent(key, k -> new AtomicLong());
    long previous = last.get();
    if (now - previous >= intervalMillis && last.compareAndSet(previous, now)) {
      long skipped = held.getAndSet(0);
      write(
          "WARN", skipped == 0 ? message : message + " (" + skipped + " similar since last)", null);
    } else {
      held.incrementAndGet();
    }
  }

  private void write(String levelName, String message, Throwable error) {
    PrintStream stream = out;
    boolean trace = error != null && level == Level.DEBUG;
    String line = "[weft] " + levelName + " " + name + " - " + message;
    // One println per message so concurrent writers never interleave mid-line; outside DEBUG the
    // cause stays on the same line and no stack trace is printed.
    stream.println(error == null || trace ? line : line + " (" + error + ")");
    if (trace) {
      error.printStackTrace(stream);
    }
  }
}
