package dev.weft.core.api.trace;

/** The role of a span in a trace, as OTLP numbers them (OTLP value = ordinal + 1). */
public enum SpanKind {
  INTERNAL,
  SERVER,
  CLIENT,
  PRODUCER,
  CONSUMER
}
