package dev.weft.sdk.metrics;

import dev.weft.bootstrap.context.Context;
import dev.weft.core.api.common.Attributes;
import dev.weft.sdk.metrics.data.ExemplarData;
import dev.weft.sdk.metrics.data.ExponentialHistogramPointData;
import dev.weft.sdk.metrics.data.PointData;
import java.util.Collections;

/**
 * A base-2 exponential histogram (at most 160 buckets a side, scale 20 at most), lowering the scale
 * when a value falls outside the buckets it can hold. Unlike the other aggregations this one takes
 * the handle's monitor per measurement, as the official SDK does: a rescale rewrites every bucket.
 * It is only used when {@code base2_exponential_bucket_histogram} is configured.
 */
final class ExponentialHistogramHandle extends Handle {

  static final int MAX_SIZE = 160;
  static final int MAX_SCALE = 20;

  private final ExemplarFilter exemplarFilter;
  // All guarded by this.
  private int scale = MAX_SCALE;
  private final Buckets positive = new Buckets();
  private final Buckets negative = new Buckets();
  private long zeroCount;
  private long count;
  private double sum;
  private double min = Double.POSITIVE_INFINITY;
  private double max = Double.NEGATIVE_INFINITY;
  private ExemplarData exemplar;

  ExponentialHistogramHandle(Attributes attributes, ExemplarFilter exemplarFilter) {
    super(attributes);
    this.exemplarFilter = exemplarFilter;
  }

  @Override
  void recordLong(long value, Context context) {
    recordDouble(value, context);
  }

  @Override
  void recordDouble(double value, Context context) {
    if (!Double.isFinite(value)) {
      return;
    }
    ExemplarData sampled = exemplarFilter.exemplar(value, context);
    synchronized (this) {
      count++;
      sum += value;
      min = Math.min(min, value);
      max = Math.max(max, value);
      if (sampled != null) {
        exemplar = sampled;
      }
      if (value == 0) {
        zeroCount++;
        return;
      }
      Buckets buckets = value > 0 ? positive : negative;
      double magnitude = Math.abs(value);
      int index = indexOf(magnitude, scale);
      int reduction = buckets.reductionFor(index);
      if (reduction > 0) {
        positive.downscale(reduction);
        negative.downscale(reduction);
        scale -= reduction;
        index = indexOf(magnitude, scale);
      }
      buckets.increment(index);
    }
  }

  /**
   * The bucket of a positive finite {@code value} at {@code scale}: bucket {@code i} holds {@code
   * (2^(i/2^scale), 2^((i+1)/2^scale)]}. Exact powers of two are found from the bits, others with a
   * logarithm above scale 0.
   */
  static int indexOf(double value, int scale) {
    int exponent = Math.getExponent(value);
    if (exponent < Double.MIN_EXPONENT) {
      exponent = Double.MIN_EXPONENT; // subnormals share the lowest normal bucket
      value = Double.MIN_NORMAL;
    }
    boolean powerOfTwo = (Double.doubleToRawLongBits(value) & 0xFFFFFFFFFFFFFL) == 0;
    if (scale > 0) {
      if (powerOfTwo) {
        return (exponent << scale) - 1;
      }
      double scaleFactor = Math.scalb(1 / Math.log(2), scale);
      return (int) Math.ceil(Math.log(value) * scaleFactor) - 1;
    }
    int index = powerOfTwo ? exponent - 1 : exponent;
    return index >> -scale;
  }

  @Override
  synchronized PointData collect(long start, long now, boolean reset) {
    ExponentialHistogramPointData point =
        new ExponentialHistogramPointData(
            attributes,
            start,
            now,
            scale,
            count,
            sum,
            min,
            max,
            zeroCount,
            positive.start,
            positive.counts(),
            negative.start,
            negative.counts(),
            exemplar == null ? Collections.emptyList() : Collections.singletonList(exemplar));
    exemplar = null;
    if (reset) {
      scale = MAX_SCALE;
      positive.clear();
      negative.clear();
      zeroCount = 0;
      count = 0;
      sum = 0;
      min = Double.POSITIVE_INFINITY;
      max = Double.NEGATIVE_INFINITY;
    }
    return point;
  }

  /** One side's counts: {@code counts[i]} is bucket {@code start + i}. */
  private static final class Buckets {
    private long[] counts = new long[MAX_SIZE];
    int start;
    private int length;

    /** How many scale steps {@code index} needs to fit within MAX_SIZE buckets (0: it fits). */
    int reductionFor(int index) {
      if (length == 0) {
        return 0;
      }
      long low = Math.min(start, index);
      long high = Math.max(start + length - 1L, index);
      int reduction = 0;
      while ((high >> reduction) - (low >> reduction) + 1 > MAX_SIZE) {
        reduction++;
      }
      return reduction;
    }

    void increment(int index) {
      if (length == 0) {
        start = index;
        length = 1;
      } else if (index < start) {
        int shift = start - index;
        System.arraycopy(counts, 0, counts, shift, length);
        java.util.Arrays.fill(counts, 0, shift, 0);
        start = index;
        length += shift;
      } else if (index >= start + length) {
        length = index - start + 1;
      }
      counts[index - start]++;
    }

    void downscale(int reduction) {
      if (length == 0) {
        return;
      }
      long[] merged = new long[MAX_SIZE];
      int newStart = start >> reduction;
      for (int i = 0; i < length; i++) {
        merged[((start + i) >> reduction) - newStart] += counts[i];
      }
      length = ((start + length - 1) >> reduction) - newStart + 1;
      start = newStart;
      counts = merged;
    }

    long[] counts() {
      return java.util.Arrays.copyOf(counts, length);
    }

    void clear() {
      java.util.Arrays.fill(counts, 0, length, 0);
      length = 0;
      start = 0;
    }
  }
}
