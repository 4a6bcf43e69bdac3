package dev.weft.bootstrap.context;

/**
 * Undoes one {@link Context#makeCurrent()}: closing it makes the previous context current again.
 * Close each scope exactly once, on the thread that opened it, in a {@code finally} block.
 *
 * <p>Mistakes never corrupt the thread's context. Closing a scope that is not the innermost open
 * one (out of order) leaves the current context as it is and only marks the scope closed; when the
 * scopes inside it are closed, the thread returns to the nearest enclosing scope that is still open
 * (or the root context). Closing a scope a second time, or on another thread, does nothing. The
 * first out-of-order close in a JVM is logged once at DEBUG.
 */
public interface Scope extends AutoCloseable {

  /** A scope that restores nothing: returned when the context was already current. */
  Scope NOOP = () -> {};

  @Override
  void close();
}
