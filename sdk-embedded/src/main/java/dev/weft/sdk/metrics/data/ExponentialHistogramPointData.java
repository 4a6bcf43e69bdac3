package dev.weft.sdk.metrics.data;

import dev.weft.core.api.common.Attributes;
import java.util.List;

/**
 * A base-2 exponential histogram point: bucket {@code offset + i} of a side covers {@code
 * (base^(offset+i), base^(offset+i+1)]} with {@code base = 2^(2^-scale)}.
 */
public final class ExponentialHistogramPointData extends PointData {

  private final int scale;
  private final long count;
  private final double sum;
  private final double min;
  private final double max;
  private final long zeroCount;
  private final int positiveOffset;
  private final long[] positiveCounts;
  private final int negativeOffset;
  private final long[] negativeCounts;
  private final List<ExemplarData> exemplars;

  public ExponentialHistogramPointData(
      Attributes attributes,
      long start,
      long epoch,
      int scale,
      long count,
      double sum,
      double min,
      double max,
      long zeroCount,
      int positiveOffset,
      long[] positiveCounts,
      int negativeOffset,
      long[] negativeCounts,
      List<ExemplarData> exemplars) {
    super(attributes, start, epoch);
    this.scale = scale;
    this.count = count;
    this.sum = sum;
    this.min = min;
    this.max = max;
    this.zeroCount = zeroCount;
    this.positiveOffset = positiveOffset;
    this.positiveCounts = positiveCounts;
    this.negativeOffset = negativeOffset;
    this.negativeCounts = negativeCounts;
    this.exemplars = exemplars;
  }

  public int scale() {
    return scale;
  }

  public long count() {
    return count;
  }

  public double sum() {
    return sum;
  }

  public double min() {
    return min;
  }

  public double max() {
    return max;
  }

  public long zeroCount() {
    return zeroCount;
  }

  public int positiveOffset() {
    return positiveOffset;
  }

  public long[] positiveCounts() {
    return positiveCounts;
  }

  public int negativeOffset() {
    return negativeOffset;
  }

  public long[] negativeCounts() {
    return negativeCounts;
  }

  public List<ExemplarData> exemplars() {
    return exemplars;
  }
}
