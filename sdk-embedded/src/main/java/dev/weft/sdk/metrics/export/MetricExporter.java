package dev.weft.sdk.metrics.export;

import dev.weft.core.api.metrics.InstrumentType;
import dev.weft.sdk.metrics.data.AggregationTemporality;
import dev.weft.sdk.metrics.data.MetricData;
import dev.weft.sdk.trace.export.ExportResult;
import java.util.Collection;

/** Sends collected metrics somewhere. Called by one thread at a time; never throws. */
public interface MetricExporter {

  ExportResult export(Collection<MetricData> metrics, long timeoutNanos);

  /** The temporality the exporter wants; cumulative unless it says otherwise. */
  default AggregationTemporality temporality(InstrumentType type) {
    return AggregationTemporality.CUMULATIVE;
  }

  /** Whether histograms should be base-2 exponential for this exporter. */
  default boolean exponentialHistograms() {
    return false;
  }

  void shutdown();
}
