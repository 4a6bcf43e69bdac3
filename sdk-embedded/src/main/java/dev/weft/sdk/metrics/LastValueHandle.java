package dev.weft.sdk.metrics;

import dev.weft.bootstrap.context.Context;
import dev.weft.core.api.common.Attributes;
import dev.weft.sdk.metrics.data.NumberPointData;
import dev.weft.sdk.metrics.data.PointData;

/** A synchronous gauge's last value (double values kept as raw bits). */
final class LastValueHandle extends Handle {

  private final boolean longValues;
  private volatile long bits;
  private volatile boolean set;

  LastValueHandle(Attributes attributes, boolean longValues) {
    super(attributes);
    this.longValues = longValues;
  }

  @Override
  void recordLong(long value, Context context) {
    bits = longValues ? value : Double.doubleToRawLongBits(value);
    set = true;
  }

  @Override
  void recordDouble(double value, Context context) {
    bits = longValues ? (long) value : Double.doubleToRawLongBits(value);
    set = true;
  }

  @Override
  PointData collect(long start, long now, boolean reset) {
    if (!set) {
      return null;
    }
    if (reset) {
      set = false;
    }
    long value = bits;
    return longValues
        ? NumberPointData.ofLong(attributes, start, now, value)
        : NumberPointData.ofDouble(attributes, start, now, Double.longBitsToDouble(value));
  }
}
