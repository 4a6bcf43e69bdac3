package dev.weft.sdk.export.otlp;

import dev.weft.bootstrap.WeftLogger;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Counts what one exporter could not deliver and says so in the log, at most once a minute per kind
 * of problem (the held-back count is appended by {@link WeftLogger#warnEvery}).
 */
final class ExportStats {

  private static final WeftLogger log = WeftLogger.get("otlp");
  private static final long LOG_INTERVAL_MILLIS = 60_000;
  private static final int MAX_REASON_CHARS = 300;
  // Rate limits are per exporter instance, so that two exporters never hide each other's lines.
  private static final AtomicInteger instances = new AtomicInteger();

  private final String target;
  private final String items;
  private final String keyPrefix;
  private final AtomicLong dropped = new AtomicLong();
  private final AtomicLong rejected = new AtomicLong();

  ExportStats(OtlpExporterConfig config) {
    this.target = config.endpoint().toString();
    this.items = config.signal().items();
    this.keyPrefix = "otlp." + config.signal().key() + "." + instances.incrementAndGet() + ".";
  }

  /** The batch of {@code count} items is lost: counted and reported. */
  void dropped(int count, String reason) {
    long total = dropped.addAndGet(count);
    log.warnEvery(
        keyPrefix + "dropped",
        LOG_INTERVAL_MILLIS,
        "Dropped "
            + count
            + " "
            + items
            + ": export to "
            + target
            + " failed: "
            + truncate(reason)
            + " ["
            + total
            + " "
            + items
            + " dropped since start]");
  }

  /** The collector accepted the request but rejected some items (or sent a warning). */
  void partialSuccess(long count, String message) {
    long total = rejected.addAndGet(Math.max(0, count));
    String detail = message.isEmpty() ? "" : ": " + truncate(message);
    log.warnEvery(
        keyPrefix + "partial",
        LOG_INTERVAL_MILLIS,
        count > 0
            ? "The collector at "
                + target
                + " rejected "
                + count
                + " "
                + items
                + detail
                + " ["
                + total
                + " "
                + items
                + " rejected since start]"
            : "The collector at " + target + " accepted the " + items + " with a warning" + detail);
  }

  /** The endpoint, as the log lines name it. */
  String target() {
    return target;
  }

  long dropped() {
    return dropped.get();
  }

  long rejected() {
    return rejected.get();
  }

  /** One line, at most {@value #MAX_REASON_CHARS} characters: server text is untrusted. */
  static String truncate(String text) {
    String line = text.replace('\n', ' ').replace('\r', ' ');
    return line.length() <= MAX_REASON_CHARS ? line : line.substring(0, MAX_REASON_CHARS) + "...";
  }
}
