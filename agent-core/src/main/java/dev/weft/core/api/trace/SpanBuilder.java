package dev.weft.core.api.trace;

import dev.weft.bootstrap.context.Context;
import dev.weft.core.api.common.AttributeKey;

/** Configures and starts one span. Not thread-safe; use once. */
public interface SpanBuilder {

  /** The parent is the span in {@code parent}; without this call, the current context's. */
  SpanBuilder setParent(Context parent);

  /** Starts a new trace, ignoring any current span. */
  SpanBuilder setNoParent();

  SpanBuilder setSpanKind(SpanKind kind);

  /** Attributes set before start are visible to the sampler. */
  <T> SpanBuilder setAttribute(AttributeKey<T> key, T value);

  SpanBuilder addLink(SpanContext linked, dev.weft.core.api.common.Attributes attributes);

  SpanBuilder setStartTimestamp(long epochNanos);

  Span startSpan();
}
