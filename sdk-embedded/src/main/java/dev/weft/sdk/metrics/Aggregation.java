package dev.weft.sdk.metrics;

import dev.weft.core.api.common.Attributes;
import dev.weft.core.api.metrics.InstrumentDescriptor;
import dev.weft.core.api.metrics.InstrumentType;
import dev.weft.sdk.metrics.data.MetricType;

/**
 * The default aggregation of an instrument kind: sum for counters, last value for gauges, and for
 * histograms explicit buckets (the advised boundaries, else the SDK's defaults) or, when the reader
 * asks for it, base-2 exponential buckets. Creates the per-series {@link Handle}s. Immutable.
 */
final class Aggregation {

  // The SDK's default explicit boundaries (specification, "Explicit Bucket Histogram").
  static final double[] DEFAULT_BOUNDARIES = {
    0, 5, 10, 25, 50, 75, 100, 250, 500, 750, 1000, 2500, 5000, 7500, 10000
  };

  private final MetricType type;
  private final boolean longValues;
  private final double[] boundaries;
  private final ExemplarFilter exemplarFilter;

  private Aggregation(
      MetricType type, boolean longValues, double[] boundaries, ExemplarFilter exemplarFilter) {
    this.type = type;
    this.longValues = longValues;
    this.boundaries = boundaries;
    this.exemplarFilter = exemplarFilter;
  }

  static Aggregation of(
      InstrumentDescriptor descriptor, boolean exponential, ExemplarFilter exemplarFilter) {
    boolean longValues = descriptor.valueType() == InstrumentDescriptor.ValueType.LONG;
    InstrumentType type = descriptor.type();
    if (type == InstrumentType.HISTOGRAM) {
      if (exponential) {
        return new Aggregation(MetricType.EXPONENTIAL_HISTOGRAM, false, null, exemplarFilter);
      }
      double[] advised = descriptor.advisedBoundaries();
      return new Aggregation(
          MetricType.HISTOGRAM,
          false,
          advised != null ? advised : DEFAULT_BOUNDARIES,
          exemplarFilter);
    }
    if (type == InstrumentType.GAUGE || type == InstrumentType.OBSERVABLE_GAUGE) {
      return new Aggregation(
          longValues ? MetricType.LONG_GAUGE : MetricType.DOUBLE_GAUGE, longValues, null, null);
    }
    return new Aggregation(
        longValues ? MetricType.LONG_SUM : MetricType.DOUBLE_SUM, longValues, null, null);
  }

  MetricType type() {
    return type;
  }

  boolean longValues() {
    return longValues;
  }

  Handle create(Attributes attributes) {
    switch (type) {
      case HISTOGRAM:
        return new HistogramHandle(attributes, boundaries, exemplarFilter);
      case EXPONENTIAL_HISTOGRAM:
        return new ExponentialHistogramHandle(attributes, exemplarFilter);
      case LONG_GAUGE:
      case DOUBLE_GAUGE:
        return new LastValueHandle(attributes, longValues);
      default:
        return new SumHandle(attributes, longValues);
    }
  }
}
