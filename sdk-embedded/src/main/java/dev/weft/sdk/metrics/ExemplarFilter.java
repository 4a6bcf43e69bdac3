package dev.weft.sdk.metrics;

import dev.weft.bootstrap.context.Context;
import dev.weft.core.api.trace.Span;
import dev.weft.core.api.trace.SpanContext;
import dev.weft.sdk.metrics.data.ExemplarData;

/**
 * {@code otel.metrics.exemplar.filter}: which histogram measurements may become exemplars. {@code
 * trace_based} (the default) keeps only measurements made inside a sampled span, so every exemplar
 * links to a trace that was exported.
 */
public enum ExemplarFilter {
  TRACE_BASED,
  ALWAYS_ON,
  ALWAYS_OFF;

  /** {@code trace_based}, {@code always_on}, {@code always_off}; anything else is trace_based. */
  public static ExemplarFilter of(String name) {
    switch (name) {
      case "always_on":
        return ALWAYS_ON;
      case "always_off":
        return ALWAYS_OFF;
      default:
        return TRACE_BASED;
    }
  }

  /**
   * The exemplar for {@code value} measured in {@code context} (null: the current one), or null
   * when the filter refuses it. Allocates only when it keeps the measurement.
   */
  ExemplarData exemplar(double value, Context context) {
    if (this == ALWAYS_OFF) {
      return null;
    }
    SpanContext span =
        Span.fromContext(context == null ? Context.current() : context).spanContext();
    if (this == TRACE_BASED && !span.isSampled()) {
      return null;
    }
    boolean valid = span.isValid();
    return new ExemplarData(
        value,
        System.currentTimeMillis() * 1_000_000L,
        valid ? span.traceIdHigh() : 0,
        valid ? span.traceIdLow() : 0,
        valid ? span.spanId() : 0);
  }
}
