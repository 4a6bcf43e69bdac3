package dev.weft.sdk.metrics;

import dev.weft.sdk.metrics.data.MetricData;
import dev.weft.sdk.metrics.export.MetricProducer;
import dev.weft.sdk.metrics.export.MetricReader;
import java.util.List;

/** A reader and its index in every instrument's storage array. */
final class RegisteredReader implements MetricProducer {

  private final SdkMeterProvider provider;
  private final MetricReader reader;
  private final int index;

  RegisteredReader(SdkMeterProvider provider, MetricReader reader, int index) {
    this.provider = provider;
    this.reader = reader;
    this.index = index;
  }

  MetricReader reader() {
    return reader;
  }

  @Override
  public List<MetricData> collect() {
    return provider.collect(index);
  }

  @Override
  public String toString() {
    return reader.toString();
  }
}
