package dev.weft.core.api.logs;

import dev.weft.bootstrap.context.Context;
import dev.weft.core.api.common.AttributeKey;

/** Factory for the built-in logger providers. */
public final class LoggerProviders {

  private LoggerProviders() {}

  /** Emits nothing: every logger is disabled and its builders discard what they are given. */
  public static LoggerProvider noop() {
    return Noop.INSTANCE;
  }

  private static final class Noop implements LoggerProvider, Logger, LogRecordBuilder {
    static final Noop INSTANCE = new Noop();

    @Override
    public Logger get(String scopeName) {
      return this;
    }

    @Override
    public boolean isEnabled() {
      return false;
    }

    @Override
    public LogRecordBuilder logRecordBuilder() {
      return this;
    }

    @Override
    public LogRecordBuilder setTimestamp(long epochNanos) {
      return this;
    }

    @Override
    public LogRecordBuilder setObservedTimestamp(long epochNanos) {
      return this;
    }

    @Override
    public LogRecordBuilder setSeverity(Severity severity) {
      return this;
    }

    @Override
    public LogRecordBuilder setSeverityText(String text) {
      return this;
    }

    @Override
    public LogRecordBuilder setBody(String body) {
      return this;
    }

    @Override
    public <T> LogRecordBuilder setAttribute(AttributeKey<T> key, T value) {
      return this;
    }

    @Override
    public LogRecordBuilder setException(Throwable exception) {
      return this;
    }

    @Override
    public LogRecordBuilder setContext(Context context) {
      return this;
    }

    @Override
    public void emit() {}

    @Override
    public String toString() {
      return "NoopLoggerProvider";
    }
  }
}
