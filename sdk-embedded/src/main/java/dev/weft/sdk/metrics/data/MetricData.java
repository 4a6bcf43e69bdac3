package dev.weft.sdk.metrics.data;

import dev.weft.sdk.common.InstrumentationScope;
import dev.weft.sdk.resources.Resource;
import java.util.List;

/** One metric at one collection, with its points; what exporters receive. Immutable. */
public final class MetricData {

  private final Resource resource;
  private final InstrumentationScope scope;
  private final String name;
  private final String description;
  private final String unit;
  private final MetricType type;
  private final boolean monotonic;
  private final AggregationTemporality temporality;
  private final List<? extends PointData> points;

  public MetricData(
      Resource resource,
      InstrumentationScope scope,
      String name,
      String description,
      String unit,
      MetricType type,
      boolean monotonic,
      AggregationTemporality temporality,
      List<? extends PointData> points) {
    this.resource = resource;
    this.scope = scope;
    this.name = name;
    this.description = description;
    this.unit = unit;
    this.type = type;
    this.monotonic = monotonic;
    this.temporality = temporality;
    this.points = points;
  }

  public Resource resource() {
    return resource;
  }

  public InstrumentationScope scope() {
    return scope;
  }

  public String name() {
    return name;
  }

  public String description() {
    return description;
  }

  public String unit() {
    return unit;
  }

  public MetricType type() {
    return type;
  }

  /** Sums only: a counter (true) or an up-down counter (false). */
  public boolean isMonotonic() {
    return monotonic;
  }

  /** Sums and histograms; gauges have none (null). */
  public AggregationTemporality temporality() {
    return temporality;
  }

  public List<? extends PointData> points() {
    return points;
  }

  @Override
  public String toString() {
    return name + "{" + type + (temporality == null ? "" : " " + temporality) + ", " + points + "}";
  }
}
