package dev.weft.sdk.metrics.data;

import dev.weft.core.api.common.Attributes;

/** One series' value at one collection: its attributes and time window. Immutable. */
public abstract class PointData {

  private final Attributes attributes;
  private final long startEpochNanos;
  private final long epochNanos;

  protected PointData(Attributes attributes, long startEpochNanos, long epochNanos) {
    this.attributes = attributes;
    this.startEpochNanos = startEpochNanos;
    this.epochNanos = epochNanos;
  }

  public final Attributes attributes() {
    return attributes;
  }

  /** Start of the window (cumulative: the SDK's start; delta: the previous collection). */
  public final long startEpochNanos() {
    return startEpochNanos;
  }

  /** The collection time. */
  public final long epochNanos() {
    return epochNanos;
  }
}
