package dev.weft.sdk.trace.data;

import dev.weft.core.api.common.Attributes;
import dev.weft.core.api.trace.SpanContext;

/** A link from a span to another span context. Immutable. */
public final class LinkData {

  private final SpanContext spanContext;
  private final Attributes attributes;
  private final int droppedAttributesCount;

  public LinkData(SpanContext spanContext, Attributes attributes, int droppedAttributes) {
    this.spanContext = spanContext;
    this.attributes = attributes;
    this.droppedAttributesCount = droppedAttributes;
  }

  public SpanContext spanContext() {
    return spanContext;
  }

  public Attributes attributes() {
    return attributes;
  }

  public int droppedAttributesCount() {
    return droppedAttributesCount;
  }
}
