package dev.weft.core.api.trace;

import dev.weft.bootstrap.context.Context;
import dev.weft.core.api.common.AttributeKey;
import dev.weft.core.api.common.Attributes;

/**
 * The tracer in force before the SDK starts or when {@code otel.sdk.disabled=true}: records nothing
 * and creates no ids; a span "started" under a parent carries the parent's span context, so
 * propagation still passes the incoming trace through.
 */
final class NoopTracerProvider implements TracerProvider, Tracer {

  static final NoopTracerProvider INSTANCE = new NoopTracerProvider();

  private NoopTracerProvider() {}

  @Override
  public Tracer get(String scopeName, String scopeVersion) {
    return this;
  }

  @Override
  public SpanBuilder spanBuilder(String spanName) {
    return new Builder();
  }

  private static final class Builder implements SpanBuilder {
    private Context parent;
    private boolean noParent;

    @Override
    public SpanBuilder setParent(Context parent) {
      this.parent = parent;
      return this;
    }

    @Override
    public SpanBuilder setNoParent() {
      noParent = true;
      return this;
    }

    @Override
    public SpanBuilder setSpanKind(SpanKind kind) {
      return this;
    }

    @Override
    public <T> SpanBuilder setAttribute(AttributeKey<T> key, T value) {
      return this;
    }

    @Override
    public SpanBuilder addLink(SpanContext linked, Attributes attributes) {
      return this;
    }

    @Override
    public SpanBuilder setStartTimestamp(long epochNanos) {
      return this;
    }

    @Override
    public Span startSpan() {
      if (noParent) {
        return Span.wrap(SpanContext.invalid());
      }
      return Span.wrap(Span.fromContext(parent == null ? Context.current() : parent).spanContext());
    }
  }
}
