package dev.weft.sdk.metrics.data;

/**
 * One measurement kept with a histogram point, with the span it was recorded in, so a point links
 * to a trace. Immutable.
 */
public final class ExemplarData {

  private final double value;
  private final long epochNanos;
  private final long traceIdHigh;
  private final long traceIdLow;
  private final long spanId;

  public ExemplarData(
      double value, long epochNanos, long traceIdHigh, long traceIdLow, long spanId) {
    this.value = value;
    this.epochNanos = epochNanos;
    this.traceIdHigh = traceIdHigh;
    this.traceIdLow = traceIdLow;
    this.spanId = spanId;
  }

  public double value() {
    return value;
  }

  public long epochNanos() {
    return epochNanos;
  }

  /** False when recorded outside any valid span (only with {@code always_on}). */
  public boolean hasSpan() {
    return spanId != 0;
  }

  public long traceIdHigh() {
    return traceIdHigh;
  }

  public long traceIdLow() {
    return traceIdLow;
  }

  public long spanId() {
    return spanId;
  }
}
