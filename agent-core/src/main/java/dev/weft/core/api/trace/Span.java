package dev.weft.core.api.trace;

import dev.weft.bootstrap.context.Context;
import dev.weft.bootstrap.context.ContextKey;
import dev.weft.core.api.common.AttributeKey;
import dev.weft.core.api.common.Attributes;

/**
 * A unit of work in a trace. Only the thread that started a span should modify it; {@link #end} may
 * be called from any thread, once. Every method is a no-op on a span that is not recording, so
 * callers need not check {@link #isRecording()} except to avoid building values.
 */
public interface Span {

  /** Where the current span lives in a {@link Context}. */
  ContextKey<Span> CONTEXT_KEY = ContextKey.named("weft-span");

  /** The span in {@code context}, or an invalid non-recording span. */
  static Span fromContext(Context context) {
    Span span = context.get(CONTEXT_KEY);
    return span == null ? NonRecordingSpan.INVALID : span;
  }

  /** The span of the thread's current context. */
  static Span current() {
    return fromContext(Context.current());
  }

  /** A non-recording span that only carries {@code spanContext}, e.g. an extracted parent. */
  static Span wrap(SpanContext spanContext) {
    return spanContext.isValid() ? new NonRecordingSpan(spanContext) : NonRecordingSpan.INVALID;
  }

  SpanContext spanContext();

  /** True when attributes, events and status are being recorded (the span was sampled). */
  boolean isRecording();

  <T> Span setAttribute(AttributeKey<T> key, T value);

  Span addEvent(String name, Attributes attributes);

  /**
   * Adds an {@code exception} event with {@code exception.type}, {@code exception.message} and
   * {@code exception.stacktrace}, plus {@code additional}.
   */
  Span recordException(Throwable exception, Attributes additional);

  Span setStatus(StatusCode code, String description);

  Span updateName(String name);

  /** Ends the span now. Only the first call has an effect. */
  void end();

  /** Ends the span at {@code epochNanos}. Only the first call has an effect. */
  void end(long epochNanos);

  /** {@code context} with this span as its current span. */
  default Context storeInContext(Context context) {
    return context.with(CONTEXT_KEY, this);
  }
}
