package dev.weft.sdk.logs;

import dev.weft.core.api.common.Attributes;
import dev.weft.core.api.logs.Severity;
import dev.weft.core.api.trace.SpanContext;
import dev.weft.sdk.common.InstrumentationScope;
import dev.weft.sdk.resources.Resource;

/**
 * An emitted log record as exporters read it. The SDK's record implements this itself (no copy per
 * record); exporters read it on the export thread only.
 */
public interface LogRecordData {

  Resource resource();

  InstrumentationScope instrumentationScope();

  /** 0 when the source gave no time. */
  long timestampEpochNanos();

  long observedTimestampEpochNanos();

  Severity severity();

  /** Null when not set. */
  String severityText();

  /** Null when not set. */
  String body();

  /** Attributes, including {@code exception.*} for a record with an exception. */
  Attributes attributes();

  /** Attributes dropped by the count limit. */
  int droppedAttributesCount();

  /** The span the record was emitted in; invalid outside spans. */
  SpanContext spanContext();
}
