package dev.weft.sdk.metrics.data;

/** The shape of a metric's points. */
public enum MetricType {
  LONG_SUM,
  DOUBLE_SUM,
  LONG_GAUGE,
  DOUBLE_GAUGE,
  HISTOGRAM,
  EXPONENTIAL_HISTOGRAM;

  public boolean isSum() {
    return this == LONG_SUM || this == DOUBLE_SUM;
  }

  public boolean isGauge() {
    return this == LONG_GAUGE || this == DOUBLE_GAUGE;
  }

  /** Number points hold longs (else doubles). */
  public boolean isLong() {
    return this == LONG_SUM || this == LONG_GAUGE;
  }
}
