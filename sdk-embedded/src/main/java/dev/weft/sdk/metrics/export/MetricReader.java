package dev.weft.sdk.metrics.export;

import dev.weft.core.api.metrics.InstrumentType;
import dev.weft.sdk.metrics.data.AggregationTemporality;

/**
 * Decides when metrics are collected and where they go: periodically to an exporter ({@link
 * PeriodicMetricReader}) or on request (a Prometheus scrape).
 */
public interface MetricReader {

  /** The temporality this reader wants for {@code type}'s points. */
  AggregationTemporality temporality(InstrumentType type);

  /** Histograms without advice become base-2 exponential histograms for this reader. */
  boolean exponentialHistograms();

  /** Called once by the provider; the reader may start its thread or server. */
  void start(MetricProducer producer);

  /** Final collection and export where the reader has one; bounded by {@code timeoutNanos}. */
  boolean shutdown(long timeoutNanos);
}
