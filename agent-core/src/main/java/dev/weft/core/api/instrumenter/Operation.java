package dev.weft.core.api.instrumenter;

import dev.weft.bootstrap.context.Context;
import dev.weft.bootstrap.context.Scope;
import dev.weft.core.api.trace.Span;

/**
 * One started operation: its span, the context holding it, and the scope that made that context
 * current on the starting thread. Returned by {@link Instrumenter#start}; advice hands it from
 * enter to exit.
 *
 * <p>{@link #end} may be called from any thread, once (later calls do nothing). The scope belongs
 * to the starting thread: an operation that ends elsewhere (an asynchronous response) calls {@link
 * #closeScope()} on the starting thread first, typically in the exit advice.
 */
public final class Operation<REQ, RES> {

  private final Instrumenter<REQ, RES> instrumenter;
  private final REQ request;
  private final Span span;
  private final Context context;
  private final long startNanos;
  private final Thread owner;
  // Only touched by the owner thread.
  private Scope scope;
  private volatile boolean ended;

  Operation(
      Instrumenter<REQ, RES> instrumenter,
      REQ request,
      Span span,
      Context context,
      Scope scope,
      long startNanos) {
    this.instrumenter = instrumenter;
    this.request = request;
    this.span = span;
    this.context = context;
    this.scope = scope;
    this.startNanos = startNanos;
    this.owner = Thread.currentThread();
  }

  /** The operation's span (non-recording when not sampled or when the SDK is off). */
  public Span span() {
    return span;
  }

  /** The context with this operation's span: propagate this one into outgoing requests. */
  public Context context() {
    return context;
  }

  /** {@link System#nanoTime()} at start, for duration metrics. */
  public long startNanos() {
    return startNanos;
  }

  /** The request the operation was started with. */
  public REQ request() {
    return request;
  }

  /**
   * Restores the context that was current before {@link Instrumenter#start}, without ending the
   * span. Idempotent; does nothing on a thread other than the starting one.
   */
  public void closeScope() {
    Scope current = scope;
    if (current != null && Thread.currentThread() == owner) {
      scope = null;
      current.close();
    }
  }

  /**
   * Sets the end attributes and status, records {@code error} as an exception event, restores the
   * previous context (on the starting thread) and ends the span. Both arguments may be null. Never
   * throws; only the first call has an effect.
   */
  public void end(RES response, Throwable error) {
    if (ended) {
      return;
    }
    ended = true;
    try {
      closeScope();
    } finally {
      instrumenter.end(this, response, error);
    }
  }

  @Override
  public String toString() {
    return "Operation{" + span + (ended ? ", ended" : "") + "}";
  }
}
