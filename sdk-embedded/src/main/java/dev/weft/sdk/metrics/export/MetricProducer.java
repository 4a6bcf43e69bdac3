package dev.weft.sdk.metrics.export;

import dev.weft.sdk.metrics.data.MetricData;
import java.util.List;

/** What a reader collects from: the provider, bound to that reader. */
public interface MetricProducer {

  /** Collects every metric now (callbacks run on the calling thread). */
  List<MetricData> collect();
}
