package dev.weft.sdk.metrics;

import dev.weft.bootstrap.context.Context;
import dev.weft.core.api.common.Attributes;
import dev.weft.sdk.metrics.data.NumberPointData;
import dev.weft.sdk.metrics.data.PointData;
import java.util.concurrent.atomic.DoubleAdder;
import java.util.concurrent.atomic.LongAdder;

/** A sum: {@link LongAdder} or {@link DoubleAdder}, so contended adds spread over cells. */
final class SumHandle extends Handle {

  private final LongAdder longSum;
  private final DoubleAdder doubleSum;

  SumHandle(Attributes attributes, boolean longValues) {
    super(attributes);
    longSum = longValues ? new LongAdder() : null;
    doubleSum = longValues ? null : new DoubleAdder();
  }

  @Override
  void recordLong(long value, Context context) {
    if (longSum != null) {
      longSum.add(value);
    } else {
      doubleSum.add(value);
    }
  }

  @Override
  void recordDouble(double value, Context context) {
    if (doubleSum != null) {
      doubleSum.add(value);
    } else {
      longSum.add((long) value);
    }
  }

  @Override
  PointData collect(long start, long now, boolean reset) {
    if (longSum != null) {
      long value = reset ? longSum.sumThenReset() : longSum.sum();
      return NumberPointData.ofLong(attributes, start, now, value);
    }
    double value = reset ? doubleSum.sumThenReset() : doubleSum.sum();
    return NumberPointData.ofDouble(attributes, start, now, value);
  }
}
