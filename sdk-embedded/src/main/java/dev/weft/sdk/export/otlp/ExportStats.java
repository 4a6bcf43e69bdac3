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
  private final String keyPrefix;
  private final AtomicLong droppedSpans = new AtomicLong();
  private final AtomicLong rejectedSpans = new AtomicLong();

  ExportStats(String target) {
    this.target = target;
    this.keyPrefix = "otlp.traces." + instances.incrementAndGet() + ".";
  }

  /** The batch is lost: counted and reported. */
  void dropped(int spans, String reason) {
    long total = droppedSpans.addAndGet(spans);
    log.warnEvery(
        keyPrefix + "dropped",
        LOG_INTERVAL_MILLIS,
        "Dropped "
            + spans
            + " spans: export to "
            + target
            + " failed: "
            + truncate(reason)
            + " ["
            + total
            + " spans dropped since start]");
  }

  /** The collector accepted the request but rejected some spans (or sent a warning). */
  void partialSuccess(long rejected, String message) {
    long total = rejectedSpans.addAndGet(Math.max(0, rejected));
    String detail = message.isEmpty() ? "" : ": " + truncate(message);
    log.warnEvery(
        keyPrefix + "partial",
        LOG_INTERVAL_MILLIS,
        rejected > 0
            ? "The collector at "
                + target
                + " rejected "
                + rejected
                + " spans"
                + detail
                + " ["
                + total
                + " spans rejected since start]"
            : "The collector at " + target + " accepted the spans with a warning" + detail);
  }

  /** The endpoint, as the log lines name it. */
  String target() {
    return target;
  }

  long droppedSpans() {
    return droppedSpans.get();
  }

  long rejectedSpans() {
    return rejectedSpans.get();
  }

  /** One line, at most {@value #MAX_REASON_CHARS} characters: server text is untrusted. */
  static String truncate(String text) {
    String line = text.replace('\n', ' ').replace('\r', ' ');
    return line.length() <= MAX_REASON_CHARS ? line : line.substring(0, MAX_REASON_CHARS) + "...";
  }
}
