package dev.weft.bootstrap.context;

/**
 * Undoes one {@link Context#makeCurrent()}: closing it makes the previous context current again.
 * Close each scope exactly once, on the thread that opened it, in a {@code finally} block.
 */
public interface Scope extends AutoCloseable {

  /** A scope that restores nothing: returned when the context was already current. */
  Scope NOOP = () -> {};

  @Override
  void close();
}
