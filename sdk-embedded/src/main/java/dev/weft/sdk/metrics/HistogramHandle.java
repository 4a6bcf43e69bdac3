package dev.weft.sdk.metrics;

import dev.weft.bootstrap.context.Context;
import dev.weft.core.api.common.Attributes;
import dev.weft.sdk.metrics.data.ExemplarData;
import dev.weft.sdk.metrics.data.HistogramPointData;
import dev.weft.sdk.metrics.data.PointData;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicLongArray;
import java.util.concurrent.atomic.AtomicReferenceArray;
import java.util.concurrent.atomic.DoubleAdder;

/**
 * An explicit-bucket histogram: one atomic count per bucket, a {@link DoubleAdder} sum, min and max
 * by compare-and-set (written only when they change), and the last accepted exemplar per bucket.
 * The point's count is the sum of its bucket counts, so the two always agree; the sum may miss a
 * measurement in flight during a delta collection.
 */
final class HistogramHandle extends Handle {

  private static final long NO_MIN = Double.doubleToRawLongBits(Double.POSITIVE_INFINITY);
  private static final long NO_MAX = Double.doubleToRawLongBits(Double.NEGATIVE_INFINITY);

  private final double[] boundaries;
  private final AtomicLongArray counts;
  private final DoubleAdder sum = new DoubleAdder();
  private final AtomicLong min = new AtomicLong(NO_MIN);
  private final AtomicLong max = new AtomicLong(NO_MAX);
  private final ExemplarFilter exemplarFilter;
  private final AtomicReferenceArray<ExemplarData> exemplars;

  HistogramHandle(Attributes attributes, double[] boundaries, ExemplarFilter exemplarFilter) {
    super(attributes);
    this.boundaries = boundaries;
    this.counts = new AtomicLongArray(boundaries.length + 1);
    this.exemplarFilter = exemplarFilter;
    this.exemplars =
        exemplarFilter == ExemplarFilter.ALWAYS_OFF
            ? null
            : new AtomicReferenceArray<>(boundaries.length + 1);
  }

  @Override
  void recordLong(long value, Context context) {
    recordDouble(value, context);
  }

  @Override
  void recordDouble(double value, Context context) {
    int bucket = bucketIndex(boundaries, value);
    counts.incrementAndGet(bucket);
    sum.add(value);
    updateMin(value);
    updateMax(value);
    if (exemplars != null) {
      ExemplarData exemplar = exemplarFilter.exemplar(value, context);
      if (exemplar != null) {
        exemplars.set(bucket, exemplar);
      }
    }
  }

  /** The first bucket whose upper bound is at least {@code value} (buckets are upper-inclusive). */
  static int bucketIndex(double[] boundaries, double value) {
    int low = 0;
    int high = boundaries.length - 1;
    while (low <= high) {
      int mid = (low + high) >>> 1;
      if (boundaries[mid] < value) {
        low = mid + 1;
      } else {
        high = mid - 1;
      }
    }
    return low;
  }

  private void updateMin(double value) {
    long current = min.get();
    while (value < Double.longBitsToDouble(current)) {
      if (min.compareAndSet(current, Double.doubleToRawLongBits(value))) {
        return;
      }
      current = min.get();
    }
  }

  private void updateMax(double value) {
    long current = max.get();
    while (value > Double.longBitsToDouble(current)) {
      if (max.compareAndSet(current, Double.doubleToRawLongBits(value))) {
        return;
      }
      current = max.get();
    }
  }

  @Override
  PointData collect(long start, long now, boolean reset) {
    long[] values = new long[counts.length()];
    for (int i = 0; i < values.length; i++) {
      values[i] = reset ? counts.getAndSet(i, 0) : counts.get(i);
    }
    double total = reset ? sum.sumThenReset() : sum.sum();
    double low = Double.longBitsToDouble(reset ? min.getAndSet(NO_MIN) : min.get());
    double high = Double.longBitsToDouble(reset ? max.getAndSet(NO_MAX) : max.get());
    return new HistogramPointData(
        attributes, start, now, total, low, high, boundaries, values, takeExemplars());
  }

  /** Exemplars are per collection, whatever the temporality, as in the official SDK. */
  private List<ExemplarData> takeExemplars() {
    if (exemplars == null) {
      return Collections.emptyList();
    }
    List<ExemplarData> taken = null;
    for (int i = 0; i < exemplars.length(); i++) {
      ExemplarData exemplar = exemplars.getAndSet(i, null);
      if (exemplar != null) {
        if (taken == null) {
          taken = new ArrayList<>(4);
        }
        taken.add(exemplar);
      }
    }
    return taken == null ? Collections.emptyList() : taken;
  }
}
