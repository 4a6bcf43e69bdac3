package dev.weft.core.api.logs;

import dev.weft.bootstrap.context.Context;
import dev.weft.core.api.common.AttributeKey;

/**
 * One log record being built. Confined to the thread that created it; after {@link #emit()} it must
 * not be touched again. Null values are ignored.
 */
public interface LogRecordBuilder {

  /** When the event happened, per the logging framework; 0 (the default) means unknown. */
  LogRecordBuilder setTimestamp(long epochNanos);

  /** When the bridge saw the event; defaults to the time of {@link #emit()}. */
  LogRecordBuilder setObservedTimestamp(long epochNanos);

  LogRecordBuilder setSeverity(Severity severity);

  /** The framework's own level name, e.g. {@code INFO}, {@code SEVERE}. */
  LogRecordBuilder setSeverityText(String text);

  /** The formatted message. */
  LogRecordBuilder setBody(String body);

  <T> LogRecordBuilder setAttribute(AttributeKey<T> key, T value);

  /**
   * The throwable logged with the event: becomes {@code exception.type}, {@code exception.message}
   * and {@code exception.stacktrace}. The SDK renders the stack trace on its export thread, not on
   * the logging thread.
   */
  LogRecordBuilder setException(Throwable exception);

  /**
   * The context whose span the record belongs to; defaults to the current context at {@link
   * #emit()}.
   */
  LogRecordBuilder setContext(Context context);

  /** Hands the record to the SDK: never blocks (a full queue drops and counts the record). */
  void emit();
}
