package dev.weft.sdk.trace;

import dev.weft.bootstrap.context.Context;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Hooks called when a recording span starts and ends. {@link #onStart} and {@link #onEnd} run on
 * application threads, synchronously, for every recording span (sampled or record-only): they must
 * be fast, thread-safe, must not block and must not throw. Export belongs on a thread of the
 * processor's own (see {@code BatchSpanProcessor}).
 */
public interface SpanProcessor {

  /** A processor that does nothing. */
  static SpanProcessor noop() {
    return NoopSpanProcessor.INSTANCE;
  }

  /** Calls each of {@code processors} in order; the list itself when it has one member. */
  static SpanProcessor composite(List<SpanProcessor> processors) {
    if (processors.isEmpty()) {
      return noop();
    }
    return processors.size() == 1 ? processors.get(0) : new MultiSpanProcessor(processors);
  }

  /** The span has started; it may still be modified here (e.g. attributes added). */
  void onStart(Context parentContext, SdkSpan span);

  /** The span has ended and no longer changes; it may be kept and read from another thread. */
  void onEnd(SdkSpan span);

  /**
   * Exports everything ended so far, waiting at most {@code timeout}.
   *
   * @return true when everything was handed to the exporter in time
   */
  boolean forceFlush(long timeout, TimeUnit unit);

  /**
   * Flushes, then releases resources (stops threads, shuts the exporter down), waiting at most
   * {@code timeout}; later spans are ignored. Only the first call has an effect.
   *
   * @return true when it completed in time
   */
  boolean shutdown(long timeout, TimeUnit unit);
}
