package dev.weft.sdk.metrics;

import dev.weft.bootstrap.context.Context;
import dev.weft.core.api.common.Attributes;
import dev.weft.sdk.metrics.data.PointData;
import java.util.concurrent.atomic.AtomicIntegerFieldUpdater;

/**
 * The aggregation state of one series (one attribute set of one metric for one reader). Recording
 * is lock-free and allocation-free (an exemplar aside); {@link #collect} runs on the collecting
 * thread only.
 */
abstract class Handle {

  private static final AtomicIntegerFieldUpdater<Handle> ACTIVE =
      AtomicIntegerFieldUpdater.newUpdater(Handle.class, "active");

  final Attributes attributes;
  // 1 once the series counts against the cardinality limit of the current window (cumulative:
  // from creation; delta: from its first measurement in the window, see SyncStorage).
  private volatile int active;

  Handle(Attributes attributes) {
    this.attributes = attributes;
  }

  boolean isActive() {
    return active == 1;
  }

  /** True for the one caller that made the handle active. */
  boolean activate() {
    return ACTIVE.compareAndSet(this, 0, 1);
  }

  void deactivate() {
    active = 0;
  }

  abstract void recordLong(long value, Context context);

  abstract void recordDouble(double value, Context context);

  /**
   * The series' point for the window {@code start..now}; with {@code reset} the state starts over.
   * Null when there is nothing to report (a gauge never set).
   */
  abstract PointData collect(long start, long now, boolean reset);
}
