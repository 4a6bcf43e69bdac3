package dev.weft.sdk.trace.data;

import dev.weft.core.api.common.Attributes;

/** A timestamped event on a span. Immutable. */
public final class EventData {

  private final String name;
  private final long epochNanos;
  private final Attributes attributes;
  private final int droppedAttributesCount;

  public EventData(String name, long epochNanos, Attributes attributes, int droppedAttributes) {
    this.name = name;
    this.epochNanos = epochNanos;
    this.attributes = attributes;
    this.droppedAttributesCount = droppedAttributes;
  }

  public String name() {
    return name;
  }

  public long epochNanos() {
    return epochNanos;
  }

  public Attributes attributes() {
    return attributes;
  }

  public int droppedAttributesCount() {
    return droppedAttributesCount;
  }

  @Override
  public String toString() {
    return name + attributes;
  }
}
