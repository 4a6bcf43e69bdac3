package dev.weft.sdk.metrics.data;

import dev.weft.core.api.common.Attributes;

/**
 * A sum or gauge value: {@link #longValue()} for {@link MetricType#isLong()} metrics, else {@link
 * #doubleValue()}.
 */
public final class NumberPointData extends PointData {

  private final long longValue;
  private final double doubleValue;

  private NumberPointData(
      Attributes attributes, long start, long epoch, long longValue, double doubleValue) {
    super(attributes, start, epoch);
    this.longValue = longValue;
    this.doubleValue = doubleValue;
  }

  public static NumberPointData ofLong(Attributes attributes, long start, long epoch, long value) {
    return new NumberPointData(attributes, start, epoch, value, value);
  }

  public static NumberPointData ofDouble(
      Attributes attributes, long start, long epoch, double value) {
    return new NumberPointData(attributes, start, epoch, (long) value, value);
  }

  public long longValue() {
    return longValue;
  }

  public double doubleValue() {
    return doubleValue;
  }

  @Override
  public String toString() {
    return attributes()
        + "="
        + (longValue == doubleValue ? Long.toString(longValue) : "" + doubleValue);
  }
}
