package dev.weft.sdk.metrics.data;

/** How a sum or histogram point relates to earlier ones (OTLP enum values 1 and 2). */
public enum AggregationTemporality {
  /** Since the previous collection. */
  DELTA,
  /** Since the start of the process. */
  CUMULATIVE;

  /** The OTLP {@code AggregationTemporality} value. */
  public int otlpValue() {
    return this == DELTA ? 1 : 2;
  }
}
