package dev.weft.instrumentation.jul;

import dev.weft.core.api.logs.LogAttributes;
import dev.weft.core.api.logs.LogBridge;
import dev.weft.core.api.logs.LogBridgeSettings;
import dev.weft.core.api.logs.LogRecordBuilder;
import dev.weft.core.api.logs.Severity;
import dev.weft.core.config.ConfigProperties;
import java.text.MessageFormat;
import java.time.Instant;
import java.util.MissingResourceException;
import java.util.ResourceBundle;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

/**
 * Turns one JUL record into a log record, if the logger would log it. The logger's {@code Filter}
 * is not consulted: calling it a second time could change what the application's own handlers see
 * (filters may count or sample).
 */
public final class JulBridge {

  private static final LogBridgeSettings settings =
      LogBridgeSettings.read(ConfigProperties.agent(), "java-util-logging");

  private JulBridge() {}

  public static void emit(Logger logger, LogRecord record) {
    if (record == null || !logger.isLoggable(record.getLevel())) {
      return;
    }
    String name = logger.getName();
    dev.weft.core.api.logs.Logger otel =
        LogBridge.loggerFor(name == null || name.isEmpty() ? "ROOT" : name);
    if (otel == null) {
      return;
    }
    LogRecordBuilder builder = otel.logRecordBuilder();
    Instant instant = record.getInstant();
    builder.setTimestamp(instant.getEpochSecond() * 1_000_000_000L + instant.getNano());
    Level level = record.getLevel();
    builder.setSeverity(severity(level.intValue())).setSeverityText(level.getName());
    builder.setBody(formatMessage(record));
    builder.setException(record.getThrown());
    if (settings.threadAttributes()) {
      Thread thread = Thread.currentThread();
      builder.setAttribute(LogAttributes.THREAD_NAME, thread.getName());
      builder.setAttribute(LogAttributes.THREAD_ID, thread.getId());
    }
    builder.emit();
  }

  /**
   * The official agent's mapping: FINEST and below TRACE, FINER DEBUG, FINE DEBUG2, CONFIG DEBUG3,
   * INFO, WARNING WARN, SEVERE ERROR, anything above FATAL.
   */
  static Severity severity(int level) {
    if (level <= Level.FINEST.intValue()) {
      return Severity.TRACE;
    }
    if (level <= Level.FINER.intValue()) {
      return Severity.DEBUG;
    }
    if (level <= Level.FINE.intValue()) {
      return Severity.DEBUG2;
    }
    if (level <= Level.CONFIG.intValue()) {
      return Severity.DEBUG3;
    }
    if (level <= Level.INFO.intValue()) {
      return Severity.INFO;
    }
    if (level <= Level.WARNING.intValue()) {
      return Severity.WARN;
    }
    if (level <= Level.SEVERE.intValue()) {
      return Severity.ERROR;
    }
    return Severity.FATAL;
  }

  /**
   * What {@code java.util.logging.Formatter.formatMessage} produces (localized, then {@code {0}}
   * parameters substituted when the message has any), without its lock.
   */
  static String formatMessage(LogRecord record) {
    String message = record.getMessage();
    ResourceBundle bundle = record.getResourceBundle();
    if (bundle != null && message != null) {
      try {
        message = bundle.getString(message);
      } catch (MissingResourceException e) {
        // The key itself is the message, as the JDK does.
      }
    }
    Object[] parameters = record.getParameters();
    if (message == null || parameters == null || parameters.length == 0) {
      return message;
    }
    if (message.contains("{0")
        || message.contains("{1")
        || message.contains("{2")
        || message.contains("{3")) {
      try {
        return MessageFormat.format(message, parameters);
      } catch (IllegalArgumentException e) {
        return message;
      }
    }
    return message;
  }
}
