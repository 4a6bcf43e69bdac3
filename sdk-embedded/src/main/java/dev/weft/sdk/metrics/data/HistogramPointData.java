package dev.weft.sdk.metrics.data;

import dev.weft.core.api.common.Attributes;
import java.util.List;

/**
 * An explicit-bucket histogram point: {@code counts.length == boundaries.length + 1}; bucket {@code
 * i} counts values in {@code (boundaries[i-1], boundaries[i]]}. Arrays are owned by the point.
 */
public final class HistogramPointData extends PointData {

  private final long count;
  private final double sum;
  private final double min;
  private final double max;
  private final double[] boundaries;
  private final long[] counts;
  private final List<ExemplarData> exemplars;

  public HistogramPointData(
      Attributes attributes,
      long start,
      long epoch,
      double sum,
      double min,
      double max,
      double[] boundaries,
      long[] counts,
      List<ExemplarData> exemplars) {
    super(attributes, start, epoch);
    long total = 0;
    for (long c : counts) {
      total += c;
    }
    this.count = total;
    this.sum = sum;
    this.min = min;
    this.max = max;
    this.boundaries = boundaries;
    this.counts = counts;
    this.exemplars = exemplars;
  }

  public long count() {
    return count;
  }

  public double sum() {
    return sum;
  }

  /** Meaningful only when {@link #count()} is positive. */
  public double min() {
    return min;
  }

  public double max() {
    return max;
  }

  public double[] boundaries() {
    return boundaries;
  }

  public long[] counts() {
    return counts;
  }

  public List<ExemplarData> exemplars() {
    return exemplars;
  }

  @Override
  public String toString() {
    return attributes() + "={count=" + count + ", sum=" + sum + "}";
  }
}
