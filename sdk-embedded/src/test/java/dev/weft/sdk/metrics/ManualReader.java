package dev.weft.sdk.metrics;

import dev.weft.core.api.metrics.InstrumentType;
import dev.weft.sdk.metrics.data.AggregationTemporality;
import dev.weft.sdk.metrics.data.MetricData;
import dev.weft.sdk.metrics.export.MetricProducer;
import dev.weft.sdk.metrics.export.MetricReader;
import java.util.List;

/** A reader the test collects from by hand, with a given temporality preference. */
final class ManualReader implements MetricReader {

  private final TemporalityPreference preference;
  private final boolean exponential;
  private MetricProducer producer;

  ManualReader(TemporalityPreference preference, boolean exponential) {
    this.preference = preference;
    this.exponential = exponential;
  }

  ManualReader(TemporalityPreference preference) {
    this(preference, false);
  }

  @Override
  public AggregationTemporality temporality(InstrumentType type) {
    return preference.temporality(type);
  }

  @Override
  public boolean exponentialHistograms() {
    return exponential;
  }

  @Override
  public void start(MetricProducer producer) {
    this.producer = producer;
  }

  List<MetricData> collect() {
    return producer.collect();
  }

  MetricData collect(String name) {
    for (MetricData metric : producer.collect()) {
      if (metric.name().equals(name)) {
        return metric;
      }
    }
    return null;
  }

  @Override
  public boolean shutdown(long timeoutNanos) {
    return true;
  }
}
