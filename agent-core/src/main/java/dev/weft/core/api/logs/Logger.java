package dev.weft.core.api.logs;

/** Emits log records under one instrumentation scope. Thread-safe. */
public interface Logger {

  /**
   * False when records would go nowhere (no SDK, SDK disabled, {@code otel.logs.exporter=none}):
   * bridges check it first and then build nothing.
   */
  boolean isEnabled();

  /** A new record; fill it, then {@link LogRecordBuilder#emit()} it on the same thread. */
  LogRecordBuilder logRecordBuilder();
}
