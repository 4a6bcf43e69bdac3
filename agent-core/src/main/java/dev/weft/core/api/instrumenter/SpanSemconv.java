package dev.weft.core.api.instrumenter;

import dev.weft.core.api.metrics.Meter;
import dev.weft.core.api.trace.Span;
import dev.weft.core.api.trace.SpanBuilder;

/**
 * One domain's semantic conventions (HTTP, database, messaging, RPC): the span name, the attributes
 * known when the operation starts, and the attributes and status known when it ends. Written once
 * per domain; a library supplies only a getter that the domain's implementation reads.
 *
 * <p>Implementations are immutable and thread-safe, read their configuration when built, and must
 * not throw on requests or responses they do not understand: they leave the attribute out.
 */
public interface SpanSemconv<REQ, RES> {

  /** The span name; called once per started span, before {@link #onStart}. */
  String spanName(REQ request);

  /**
   * Sets the attributes known at start on {@code span}, where the sampler sees them. Called only
   * when the SDK may record.
   */
  void onStart(SpanBuilder span, REQ request);

  /**
   * Sets the end attributes and the status on {@code span}, which is recording. {@code response}
   * and {@code error} are null when absent; the exception event is already recorded.
   */
  void onEnd(Span span, REQ request, RES response, Throwable error);

  /**
   * The domain's duration metric on {@code meter}, or null when the domain has none. Called once,
   * when the instrumenter is built, and only when metrics are on.
   */
  default OperationMetrics<REQ, RES> metrics(Meter meter) {
    return null;
  }
}
