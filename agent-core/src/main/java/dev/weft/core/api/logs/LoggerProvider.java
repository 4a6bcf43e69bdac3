package dev.weft.core.api.logs;

/**
 * Hands out a {@link Logger} per instrumentation scope; for log bridges the scope is the logging
 * framework's logger name. Thread-safe; implementations cache loggers by name, so bridges may call
 * {@link #get} on every log event.
 */
public interface LoggerProvider {

  /** The logger for scope {@code scopeName} (non-null; an empty name is allowed). */
  Logger get(String scopeName);
}
