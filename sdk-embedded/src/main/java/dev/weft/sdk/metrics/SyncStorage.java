package dev.weft.sdk.metrics;

import dev.weft.bootstrap.WeftLogger;
import dev.weft.bootstrap.context.Context;
import dev.weft.core.api.common.AttributeKey;
import dev.weft.core.api.common.Attributes;
import dev.weft.sdk.metrics.data.AggregationTemporality;
import dev.weft.sdk.metrics.data.PointData;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The series of one synchronous instrument for one reader: a concurrent map from attribute set to
 * {@link Handle}, bounded by the cardinality limit. Once {@code limit - 1} series exist, new
 * attribute sets record into one overflow series marked {@code otel.metric.overflow=true}.
 *
 * <p>Cumulative: the map lives for ever (bounded). Recording is a map lookup plus the handle's
 * atomic update: no lock, no allocation.
 *
 * <p>Delta: the map is swapped at each collection so that series that go quiet are forgotten.
 * Recorders announce themselves on the current {@link Holder} (add 2 to its counter); the collector
 * installs a new holder, then sets the old counter's low bit and waits until only that bit is left.
 * A recorder that sees the bit backs off and moves to the new holder. After collecting, the series
 * that recorded in the window are moved, inactive, into the new holder, so steady traffic allocates
 * nothing; only series active in a window count against the limit, so at most twice the limit are
 * held.
 */
final class SyncStorage {

  static final Attributes OVERFLOW =
      Attributes.builder().put(AttributeKey.booleanKey("otel.metric.overflow"), true).build();
  private static final WeftLogger log = WeftLogger.get("metrics");

  private final String name;
  private final Aggregation aggregation;
  private final AggregationTemporality temporality;
  private final boolean delta;
  private final int maxSeries; // not counting the overflow series
  private volatile Holder holder = new Holder();
  private boolean overflowLogged; // collector thread only
  private long lastCollectNanos;

  SyncStorage(
      String name,
      Aggregation aggregation,
      AggregationTemporality temporality,
      int cardinalityLimit,
      long startEpochNanos) {
    this.name = name;
    this.aggregation = aggregation;
    this.temporality = temporality;
    this.delta = temporality == AggregationTemporality.DELTA;
    this.maxSeries = cardinalityLimit - 1;
    this.lastCollectNanos = startEpochNanos;
  }

  AggregationTemporality temporality() {
    return temporality;
  }

  Aggregation aggregation() {
    return aggregation;
  }

  void recordLong(long value, Attributes attributes, Context context) {
    if (!delta) {
      handle(holder, attributes).recordLong(value, context);
      return;
    }
    Holder current = enter();
    try {
      handle(current, attributes).recordLong(value, context);
    } finally {
      current.recorders.addAndGet(-2);
    }
  }

  void recordDouble(double value, Attributes attributes, Context context) {
    if (!delta) {
      handle(holder, attributes).recordDouble(value, context);
      return;
    }
    Holder current = enter();
    try {
      handle(current, attributes).recordDouble(value, context);
    } finally {
      current.recorders.addAndGet(-2);
    }
  }

  private Holder enter() {
    while (true) {
      Holder current = holder;
      if ((current.recorders.addAndGet(2) & 1) == 0) {
        return current;
      }
      // The collector has taken this holder; the next read of the field sees its successor.
      current.recorders.addAndGet(-2);
    }
  }

  private Handle handle(Holder current, Attributes attributes) {
    Handle handle = current.series.get(attributes);
    return handle != null && handle.isActive() ? handle : admit(current, attributes, handle);
  }

  /**
   * A series seen for the first time in this window: it becomes active if the window has room
   * (counting only active series), else the measurement goes to the overflow series. {@code
   * carried} is a delta series kept from the previous window, reused so steady traffic allocates
   * nothing.
   */
  private Handle admit(Holder current, Attributes attributes, Handle carried) {
    if (current.count.incrementAndGet() > maxSeries) {
      current.count.decrementAndGet();
      return overflow(current);
    }
    if (carried != null) {
      if (!carried.activate()) {
        current.count.decrementAndGet(); // another thread activated it first
      }
      return carried;
    }
    Handle created = aggregation.create(attributes);
    created.activate();
    Handle raced = current.series.putIfAbsent(attributes, created);
    if (raced == null) {
      return created;
    }
    current.count.decrementAndGet();
    return raced.isActive() ? raced : admit(current, attributes, raced);
  }

  private Handle overflow(Holder current) {
    if (!current.overflowed) {
      current.overflowed = true;
    }
    Handle overflow = current.series.get(OVERFLOW);
    if (overflow == null) {
      Handle created = aggregation.create(OVERFLOW);
      created.activate();
      overflow = current.series.putIfAbsent(OVERFLOW, created);
      return overflow != null ? overflow : created;
    }
    if (!overflow.isActive()) {
      overflow.activate(); // carried from the previous window; not counted against the limit
    }
    return overflow;
  }

  /** The points of this collection; called by one collecting thread at a time. */
  List<PointData> collect(long startEpochNanos, long nowEpochNanos) {
    List<PointData> points;
    Holder collected = holder;
    if (!delta) {
      points = new ArrayList<>(collected.series.size());
      for (Handle handle : collected.series.values()) {
        PointData point = handle.collect(startEpochNanos, nowEpochNanos, false);
        if (point != null) {
          points.add(point);
        }
      }
    } else {
      Holder next = new Holder();
      holder = next;
      collected.recorders.addAndGet(1);
      while (collected.recorders.get() != 1) {
        Thread.onSpinWait(); // recorders hold a holder for one map lookup and one update
      }
      points = new ArrayList<>();
      long start = lastCollectNanos;
      for (Handle handle : collected.series.values()) {
        // Series idle for a whole window are dropped here; active ones are carried, inactive.
        if (handle.isActive()) {
          handle.deactivate();
          PointData point = handle.collect(start, nowEpochNanos, true);
          if (point != null) {
            points.add(point);
          }
          next.series.putIfAbsent(handle.attributes, handle);
        }
      }
    }
    lastCollectNanos = nowEpochNanos;
    if (collected.overflowed && !overflowLogged) {
      overflowLogged = true;
      log.warn(
          "Metric "
              + name
              + " reached the cardinality limit of "
              + (maxSeries + 1)
              + " series; further attribute sets are aggregated into otel.metric.overflow=true"
              + " (otel.java.metrics.cardinality.limit)");
    }
    return points;
  }

  /** One generation of series (delta) or the only one (cumulative). */
  private static final class Holder {
    final ConcurrentHashMap<Attributes, Handle> series = new ConcurrentHashMap<>();
    final AtomicInteger count = new AtomicInteger();
    final AtomicInteger recorders = new AtomicInteger();
    volatile boolean overflowed;
  }
}
