package dev.weft.sdk.metrics;

import dev.weft.bootstrap.context.Context;
import dev.weft.core.api.common.Attributes;
import dev.weft.sdk.metrics.data.PointData;

/**
 * The aggregation state of one series (one attribute set of one metric for one reader). Recording
 * is lock-free and allocation-free (an exemplar aside); {@link #collect} runs on the collecting
 * thread only.
 */
abstract class Handle {

  final Attributes attributes;
  // Plain on purpose: written by recorders, read and cleared by the collector only after the
  // storage has seen every recorder leave (an atomic counter hand-off, see SyncStorage).
  boolean recorded;

  Handle(Attributes attributes) {
    this.attributes = attributes;
  }

  abstract void recordLong(long value, Context context);

  abstract void recordDouble(double value, Context context);

  /**
   * The series' point for the window {@code start..now}; with {@code reset} the state starts over.
   * Null when there is nothing to report (a gauge never set).
   */
  abstract PointData collect(long start, long now, boolean reset);
}
