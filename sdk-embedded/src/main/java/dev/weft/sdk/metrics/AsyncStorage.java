package dev.weft.sdk.metrics;

import dev.weft.bootstrap.WeftLogger;
import dev.weft.core.api.common.Attributes;
import dev.weft.core.api.metrics.InstrumentType;
import dev.weft.core.api.metrics.ObservableDoubleMeasurement;
import dev.weft.core.api.metrics.ObservableLongMeasurement;
import dev.weft.sdk.metrics.data.AggregationTemporality;
import dev.weft.sdk.metrics.data.NumberPointData;
import dev.weft.sdk.metrics.data.PointData;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;

/**
 * The series of one asynchronous instrument for one reader. At each collection the callbacks report
 * the current values (observable counters report running totals); under delta temporality the point
 * is the difference from the previous observation. Past the cardinality limit, values are added
 * into the overflow series (gauges: the last one wins). Used by the collecting thread only.
 */
final class AsyncStorage implements ObservableLongMeasurement, ObservableDoubleMeasurement {

  private static final WeftLogger log = WeftLogger.get("metrics");

  private final String name;
  private final InstrumentType type;
  private final boolean longValues;
  private final AggregationTemporality temporality;
  private final int maxSeries;
  private final List<Object> callbacks = new CopyOnWriteArrayList<>();
  private Map<Attributes, Value> observed; // during one collection
  private Map<Attributes, Value> previous = new HashMap<>();
  private long lastCollectNanos;
  private boolean callbackFailureLogged;
  private boolean overflowLogged;

  AsyncStorage(
      String name,
      InstrumentType type,
      boolean longValues,
      AggregationTemporality temporality,
      int cardinalityLimit,
      long startEpochNanos) {
    this.name = name;
    this.type = type;
    this.longValues = longValues;
    this.temporality = temporality;
    this.maxSeries = cardinalityLimit - 1;
    this.lastCollectNanos = startEpochNanos;
  }

  AggregationTemporality temporality() {
    return temporality;
  }

  void addCallback(Object callback) {
    callbacks.add(callback);
  }

  void removeCallback(Object callback) {
    callbacks.remove(callback);
  }

  @SuppressWarnings("unchecked")
  List<PointData> collect(long startEpochNanos, long nowEpochNanos) {
    observed = new LinkedHashMap<>();
    for (Object callback : callbacks) {
      try {
        if (longValues) {
          ((Consumer<ObservableLongMeasurement>) callback).accept(this);
        } else {
          ((Consumer<ObservableDoubleMeasurement>) callback).accept(this);
        }
      } catch (Throwable t) {
        if (t instanceof VirtualMachineError) {
          throw (VirtualMachineError) t;
        }
        if (!callbackFailureLogged) {
          callbackFailureLogged = true;
          log.warn("A callback of metric " + name + " failed (logged once): " + t);
        }
      }
    }
    boolean delta =
        temporality == AggregationTemporality.DELTA && type != InstrumentType.OBSERVABLE_GAUGE;
    long start = delta ? lastCollectNanos : startEpochNanos;
    List<PointData> points = new ArrayList<>(observed.size());
    for (Map.Entry<Attributes, Value> entry : observed.entrySet()) {
      Value value = entry.getValue();
      Value before = delta ? previous.get(entry.getKey()) : null;
      points.add(
          longValues
              ? NumberPointData.ofLong(
                  entry.getKey(),
                  start,
                  nowEpochNanos,
                  value.longValue - (before == null ? 0 : before.longValue))
              : NumberPointData.ofDouble(
                  entry.getKey(),
                  start,
                  nowEpochNanos,
                  value.doubleValue - (before == null ? 0 : before.doubleValue)));
    }
    previous = observed;
    observed = null;
    lastCollectNanos = nowEpochNanos;
    return points;
  }

  @Override
  public void record(long value) {
    record(value, Attributes.empty());
  }

  @Override
  public void record(long value, Attributes attributes) {
    Value slot = slot(attributes);
    if (slot != null) {
      slot.longValue =
          slot.overflow && type != InstrumentType.OBSERVABLE_GAUGE ? slot.longValue + value : value;
    }
  }

  @Override
  public void record(double value) {
    record(value, Attributes.empty());
  }

  @Override
  public void record(double value, Attributes attributes) {
    Value slot = slot(attributes);
    if (slot != null) {
      slot.doubleValue =
          slot.overflow && type != InstrumentType.OBSERVABLE_GAUGE
              ? slot.doubleValue + value
              : value;
    }
  }

  /** The series' slot in this collection: its own, or the overflow series once the limit is hit. */
  private Value slot(Attributes attributes) {
    Map<Attributes, Value> current = observed;
    if (current == null) {
      return null; // recorded outside a callback
    }
    Attributes key = attributes == null ? Attributes.empty() : attributes;
    Value slot = current.get(key);
    if (slot != null && !slot.overflow) {
      return slot;
    }
    Value overflow = current.get(SyncStorage.OVERFLOW);
    int regular = current.size() - (overflow == null ? 0 : 1);
    if (regular < maxSeries) {
      slot = new Value(false);
      current.put(key, slot);
      return slot;
    }
    if (overflow == null) {
      overflow = new Value(true);
      current.put(SyncStorage.OVERFLOW, overflow);
      if (!overflowLogged) {
        overflowLogged = true;
        log.warn(
            "Metric "
                + name
                + " reached the cardinality limit of "
                + (maxSeries + 1)
                + " series; further attribute sets are aggregated into otel.metric.overflow=true"
                + " (otel.java.metrics.cardinality.limit)");
      }
    }
    return overflow;
  }

  /** One series' observed value in one collection. */
  private static final class Value {
    final boolean overflow;
    long longValue;
    double doubleValue;

    Value(boolean overflow) {
      this.overflow = overflow;
    }
  }
}
