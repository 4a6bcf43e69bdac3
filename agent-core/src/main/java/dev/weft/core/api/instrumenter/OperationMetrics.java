package dev.weft.core.api.instrumenter;

import dev.weft.bootstrap.context.Context;

/**
 * One domain's duration metric (e.g. {@code http.server.request.duration}), recorded by the {@link
 * Instrumenter} when an operation ends, whether its span was sampled or not. Implementations are
 * thread-safe, build attribute sets of low cardinality only, and never throw.
 */
public interface OperationMetrics<REQ, RES> {

  /**
   * Records one finished operation. {@code context} holds the operation's span (for exemplars);
   * {@code response} and {@code error} are null when absent.
   */
  void record(Context context, REQ request, RES response, Throwable error, long durationNanos);
}
