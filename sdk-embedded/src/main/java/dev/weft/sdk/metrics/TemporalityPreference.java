package dev.weft.sdk.metrics;

import dev.weft.core.api.metrics.InstrumentType;
import dev.weft.sdk.metrics.data.AggregationTemporality;

/**
 * {@code otel.exporter.otlp.metrics.temporality.preference}: which instruments a reader collects as
 * deltas. {@code delta} keeps up-down counters cumulative (a delta of a level means nothing);
 * {@code lowmemory} makes only the synchronous counter and histogram delta, whose series can then
 * be forgotten between collections.
 */
public enum TemporalityPreference {
  CUMULATIVE,
  DELTA,
  LOWMEMORY;

  /** {@code cumulative}, {@code delta}, {@code lowmemory}; anything else is cumulative. */
  public static TemporalityPreference of(String name) {
    switch (name) {
      case "delta":
        return DELTA;
      case "lowmemory":
        return LOWMEMORY;
      default:
        return CUMULATIVE;
    }
  }

  /**
   * The temporality of {@code type}'s points. Gauges have none on the wire; DELTA for them means
   * that only the series set since the previous collection are reported.
   */
  public AggregationTemporality temporality(InstrumentType type) {
    switch (this) {
      case DELTA:
        return type == InstrumentType.UP_DOWN_COUNTER
                || type == InstrumentType.OBSERVABLE_UP_DOWN_COUNTER
                || type == InstrumentType.OBSERVABLE_GAUGE
            ? AggregationTemporality.CUMULATIVE
            : AggregationTemporality.DELTA;
      case LOWMEMORY:
        return type == InstrumentType.COUNTER
                || type == InstrumentType.HISTOGRAM
                || type == InstrumentType.GAUGE
            ? AggregationTemporality.DELTA
            : AggregationTemporality.CUMULATIVE;
      default:
        return AggregationTemporality.CUMULATIVE;
    }
  }
}
