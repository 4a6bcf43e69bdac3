package dev.weft.sdk.metrics;

import dev.weft.bootstrap.WeftLogger;
import dev.weft.bootstrap.context.Context;
import dev.weft.core.api.common.Attributes;
import dev.weft.core.api.metrics.DoubleCounter;
import dev.weft.core.api.metrics.DoubleGauge;
import dev.weft.core.api.metrics.DoubleHistogram;
import dev.weft.core.api.metrics.DoubleUpDownCounter;
import dev.weft.core.api.metrics.InstrumentDescriptor;
import dev.weft.core.api.metrics.LongCounter;
import dev.weft.core.api.metrics.LongGauge;
import dev.weft.core.api.metrics.LongHistogram;
import dev.weft.core.api.metrics.LongUpDownCounter;

/**
 * Every synchronous instrument kind in one class: the interface the meter returns is what limits a
 * caller to its kind's methods. Records into one {@link SyncStorage} per reader (usually one).
 * Counters and histograms drop negative values (and histograms NaN), as the API specifies.
 */
final class SdkSyncInstrument
    implements LongCounter,
        DoubleCounter,
        LongUpDownCounter,
        DoubleUpDownCounter,
        LongHistogram,
        DoubleHistogram,
        LongGauge,
        DoubleGauge {

  private static final WeftLogger log = WeftLogger.get("metrics");

  private final InstrumentDescriptor descriptor;
  private final SyncStorage[] storages;
  private final boolean nonNegative;
  private volatile boolean invalidLogged;

  SdkSyncInstrument(InstrumentDescriptor descriptor, SyncStorage[] storages) {
    this.descriptor = descriptor;
    this.storages = storages;
    this.nonNegative = descriptor.type().isMonotonic();
  }

  InstrumentDescriptor descriptor() {
    return descriptor;
  }

  SyncStorage storage(int reader) {
    return storages[reader];
  }

  @Override
  public void add(long value) {
    recordLong(value, Attributes.empty(), null);
  }

  @Override
  public void add(long value, Attributes attributes) {
    recordLong(value, attributes, null);
  }

  @Override
  public void add(double value) {
    recordDouble(value, Attributes.empty(), null);
  }

  @Override
  public void add(double value, Attributes attributes) {
    recordDouble(value, attributes, null);
  }

  @Override
  public void record(long value) {
    recordLong(value, Attributes.empty(), null);
  }

  @Override
  public void record(long value, Attributes attributes) {
    recordLong(value, attributes, null);
  }

  @Override
  public void record(long value, Attributes attributes, Context context) {
    recordLong(value, attributes, context);
  }

  @Override
  public void record(double value) {
    recordDouble(value, Attributes.empty(), null);
  }

  @Override
  public void record(double value, Attributes attributes) {
    recordDouble(value, attributes, null);
  }

  @Override
  public void record(double value, Attributes attributes, Context context) {
    recordDouble(value, attributes, context);
  }

  @Override
  public void set(long value) {
    recordLong(value, Attributes.empty(), null);
  }

  @Override
  public void set(long value, Attributes attributes) {
    recordLong(value, attributes, null);
  }

  @Override
  public void set(double value) {
    recordDouble(value, Attributes.empty(), null);
  }

  @Override
  public void set(double value, Attributes attributes) {
    recordDouble(value, attributes, null);
  }

  private void recordLong(long value, Attributes attributes, Context context) {
    if (nonNegative && value < 0) {
      invalid(value);
      return;
    }
    Attributes key = attributes == null ? Attributes.empty() : attributes;
    for (SyncStorage storage : storages) {
      storage.recordLong(value, key, context);
    }
  }

  private void recordDouble(double value, Attributes attributes, Context context) {
    if (nonNegative && !(value >= 0) || Double.isInfinite(value)) {
      invalid(value);
      return;
    }
    Attributes key = attributes == null ? Attributes.empty() : attributes;
    for (SyncStorage storage : storages) {
      storage.recordDouble(value, key, context);
    }
  }

  private void invalid(double value) {
    if (!invalidLogged) {
      invalidLogged = true;
      log.warn(
          "Metric "
              + descriptor.name()
              + " dropped the value "
              + value
              + ": a "
              + descriptor.type()
              + " accepts only finite, non-negative values (logged once)");
    }
  }

  @Override
  public String toString() {
    return descriptor.toString();
  }
}
