package dev.weft.core.api.trace;

import dev.weft.core.api.common.AttributeKey;
import dev.weft.core.api.common.Attributes;

/** A span that records nothing and only carries its span context. Immutable. */
final class NonRecordingSpan implements Span {

  static final NonRecordingSpan INVALID = new NonRecordingSpan(SpanContext.invalid());

  private final SpanContext spanContext;

  NonRecordingSpan(SpanContext spanContext) {
    this.spanContext = spanContext;
  }

  @Override
  public SpanContext spanContext() {
    return spanContext;
  }

  @Override
  public boolean isRecording() {
    return false;
  }

  @Override
  public <T> Span setAttribute(AttributeKey<T> key, T value) {
    return this;
  }

  @Override
  public Span addEvent(String name, Attributes attributes) {
    return this;
  }

  @Override
  public Span recordException(Throwable exception, Attributes additional) {
    return this;
  }

  @Override
  public Span setStatus(StatusCode code, String description) {
    return this;
  }

  @Override
  public Span updateName(String name) {
    return this;
  }

  @Override
  public void end() {}

  @Override
  public void end(long epochNanos) {}

  @Override
  public String toString() {
    return "NonRecordingSpan{" + spanContext + "}";
  }
}
