package dev.weft.sdk.metrics;

import dev.weft.bootstrap.WeftLogger;
import dev.weft.core.api.metrics.DoubleCounter;
import dev.weft.core.api.metrics.DoubleGauge;
import dev.weft.core.api.metrics.DoubleHistogram;
import dev.weft.core.api.metrics.DoubleUpDownCounter;
import dev.weft.core.api.metrics.InstrumentDescriptor;
import dev.weft.core.api.metrics.InstrumentType;
import dev.weft.core.api.metrics.LongCounter;
import dev.weft.core.api.metrics.LongGauge;
import dev.weft.core.api.metrics.LongHistogram;
import dev.weft.core.api.metrics.LongUpDownCounter;
import dev.weft.core.api.metrics.Meter;
import dev.weft.core.api.metrics.ObservableDoubleMeasurement;
import dev.weft.core.api.metrics.ObservableInstrument;
import dev.weft.core.api.metrics.ObservableLongMeasurement;
import dev.weft.sdk.common.InstrumentationScope;
import dev.weft.sdk.metrics.data.AggregationTemporality;
import dev.weft.sdk.metrics.data.MetricData;
import dev.weft.sdk.metrics.data.MetricType;
import dev.weft.sdk.metrics.data.PointData;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * The instruments of one scope. An instrument registered again with the same name, kind and value
 * type is the same metric (asynchronous: one more callback); the same name with another kind or
 * value type is a separate metric, with one WARN, as the specification asks.
 */
final class SdkMeter implements Meter {

  private static final WeftLogger log = WeftLogger.get("metrics");

  private final SdkMeterProvider provider;
  private final InstrumentationScope scope;
  // Guarded by this; registration is rare, collection copies the values under the lock.
  private final Map<String, Object> instruments = new LinkedHashMap<>();

  SdkMeter(SdkMeterProvider provider, InstrumentationScope scope) {
    this.provider = provider;
    this.scope = scope;
  }

  @Override
  public LongCounter longCounter(InstrumentDescriptor descriptor) {
    return sync(descriptor);
  }

  @Override
  public DoubleCounter doubleCounter(InstrumentDescriptor descriptor) {
    return sync(descriptor);
  }

  @Override
  public LongUpDownCounter longUpDownCounter(InstrumentDescriptor descriptor) {
    return sync(descriptor);
  }

  @Override
  public DoubleUpDownCounter doubleUpDownCounter(InstrumentDescriptor descriptor) {
    return sync(descriptor);
  }

  @Override
  public LongHistogram longHistogram(InstrumentDescriptor descriptor) {
    return sync(descriptor);
  }

  @Override
  public DoubleHistogram doubleHistogram(InstrumentDescriptor descriptor) {
    return sync(descriptor);
  }

  @Override
  public LongGauge longGauge(InstrumentDescriptor descriptor) {
    return sync(descriptor);
  }

  @Override
  public DoubleGauge doubleGauge(InstrumentDescriptor descriptor) {
    return sync(descriptor);
  }

  @Override
  public ObservableInstrument observeLongs(
      InstrumentDescriptor descriptor, Consumer<ObservableLongMeasurement> callback) {
    return observe(descriptor, callback);
  }

  @Override
  public ObservableInstrument observeDoubles(
      InstrumentDescriptor descriptor, Consumer<ObservableDoubleMeasurement> callback) {
    return observe(descriptor, callback);
  }

  private synchronized SdkSyncInstrument sync(InstrumentDescriptor descriptor) {
    checkObservable(descriptor, false);
    String key = identity(descriptor);
    Object existing = instruments.get(key);
    if (existing != null) {
      return (SdkSyncInstrument) existing;
    }
    List<RegisteredReader> readers = provider.readers();
    SyncStorage[] storages = new SyncStorage[readers.size()];
    for (int i = 0; i < storages.length; i++) {
      RegisteredReader reader = readers.get(i);
      storages[i] =
          new SyncStorage(
              descriptor.name(),
              Aggregation.of(
                  descriptor,
                  reader.reader().exponentialHistograms(),
                  provider.config().exemplarFilter()),
              reader.reader().temporality(descriptor.type()),
              provider.config().cardinalityLimit(),
              provider.startEpochNanos());
    }
    SdkSyncInstrument instrument = new SdkSyncInstrument(descriptor, storages);
    register(key, descriptor, instrument);
    return instrument;
  }

  private synchronized ObservableInstrument observe(
      InstrumentDescriptor descriptor, Object callback) {
    checkObservable(descriptor, true);
    String key = identity(descriptor);
    Async async = (Async) instruments.get(key);
    if (async == null) {
      List<RegisteredReader> readers = provider.readers();
      AsyncStorage[] storages = new AsyncStorage[readers.size()];
      for (int i = 0; i < storages.length; i++) {
        storages[i] =
            new AsyncStorage(
                descriptor.name(),
                descriptor.type(),
                descriptor.valueType() == InstrumentDescriptor.ValueType.LONG,
                readers.get(i).reader().temporality(descriptor.type()),
                provider.config().cardinalityLimit(),
                provider.startEpochNanos());
      }
      async = new Async(descriptor, storages);
      register(key, descriptor, async);
    }
    for (AsyncStorage storage : async.storages) {
      storage.addCallback(callback);
    }
    return new SdkObservableInstrument(async.storages, callback);
  }

  private void register(String key, InstrumentDescriptor descriptor, Object instrument) {
    for (String other : instruments.keySet()) {
      if (other.startsWith(descriptor.key() + '|')) {
        log.warn(
            "Metric "
                + descriptor.name()
                + " of scope "
                + scope.name()
                + " registered again as a different kind ("
                + descriptor
                + "); both are exported");
        break;
      }
    }
    instruments.put(key, instrument);
  }

  private static void checkObservable(InstrumentDescriptor descriptor, boolean observable) {
    if (descriptor.type().isObservable() != observable) {
      throw new IllegalArgumentException("wrong instrument kind: " + descriptor);
    }
  }

  private static String identity(InstrumentDescriptor descriptor) {
    return descriptor.key() + '|' + descriptor.type() + '|' + descriptor.valueType();
  }

  /** This scope's metrics for reader {@code reader}, those with points only. */
  void collect(int reader, long nowEpochNanos, List<MetricData> out) {
    List<Object> snapshot;
    synchronized (this) {
      snapshot = new ArrayList<>(instruments.values());
    }
    long start = provider.startEpochNanos();
    for (Object instrument : snapshot) {
      InstrumentDescriptor descriptor;
      List<PointData> points;
      MetricType type;
      AggregationTemporality temporality;
      if (instrument instanceof SdkSyncInstrument) {
        SdkSyncInstrument sync = (SdkSyncInstrument) instrument;
        SyncStorage storage = sync.storage(reader);
        descriptor = sync.descriptor();
        points = storage.collect(start, nowEpochNanos);
        type = storage.aggregation().type();
        temporality = storage.temporality();
      } else {
        Async async = (Async) instrument;
        descriptor = async.descriptor;
        points = async.storages[reader].collect(start, nowEpochNanos);
        type = asyncType(descriptor);
        temporality = async.storages[reader].temporality();
      }
      if (points.isEmpty()) {
        continue;
      }
      out.add(
          new MetricData(
              provider.resource(),
              scope,
              descriptor.name(),
              descriptor.description(),
              descriptor.unit(),
              type,
              descriptor.type().isMonotonic(),
              type.isGauge() ? null : temporality,
              points));
    }
  }

  private static MetricType asyncType(InstrumentDescriptor descriptor) {
    boolean longs = descriptor.valueType() == InstrumentDescriptor.ValueType.LONG;
    if (descriptor.type() == InstrumentType.OBSERVABLE_GAUGE) {
      return longs ? MetricType.LONG_GAUGE : MetricType.DOUBLE_GAUGE;
    }
    return longs ? MetricType.LONG_SUM : MetricType.DOUBLE_SUM;
  }

  @Override
  public String toString() {
    return "SdkMeter{" + scope + "}";
  }

  /** One asynchronous instrument: its descriptor and per-reader storages. */
  private static final class Async {
    final InstrumentDescriptor descriptor;
    final AsyncStorage[] storages;

    Async(InstrumentDescriptor descriptor, AsyncStorage[] storages) {
      this.descriptor = descriptor;
      this.storages = storages;
    }
  }
}
