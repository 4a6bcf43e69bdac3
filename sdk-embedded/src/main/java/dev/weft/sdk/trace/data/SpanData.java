package dev.weft.sdk.trace.data;

import dev.weft.core.api.common.Attributes;
import dev.weft.core.api.trace.SpanContext;
import dev.weft.core.api.trace.SpanKind;
import dev.weft.core.api.trace.StatusCode;
import dev.weft.sdk.common.InstrumentationScope;
import dev.weft.sdk.resources.Resource;
import java.util.List;

/**
 * A finished span as exporters see it. The SDK's span implements this directly (no copy per span);
 * exporters read it only after the span has ended, from the export thread.
 */
public interface SpanData {

  String name();

  SpanKind kind();

  SpanContext spanContext();

  /** The parent's context; {@link SpanContext#invalid()} for a root span. */
  SpanContext parentSpanContext();

  long startEpochNanos();

  long endEpochNanos();

  Attributes attributes();

  /** Attributes dropped by the count limit (values truncated by the length limit still count). */
  int droppedAttributesCount();

  List<EventData> events();

  int droppedEventsCount();

  List<LinkData> links();

  int droppedLinksCount();

  StatusCode statusCode();

  /** Empty unless the status is an error with a description. */
  String statusDescription();

  InstrumentationScope instrumentationScope();

  Resource resource();
}
