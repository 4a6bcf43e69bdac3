package dev.weft.instrumentation.log4j.appender.v2_17;

import dev.weft.core.api.common.AttributeKey;
import dev.weft.core.api.logs.LogAttributes;
import dev.weft.core.api.logs.LogBridge;
import dev.weft.core.api.logs.LogBridgeSettings;
import dev.weft.core.api.logs.LogRecordBuilder;
import dev.weft.core.api.logs.Severity;
import dev.weft.core.config.ConfigProperties;
import java.time.Instant;
import java.util.Map;
import org.apache.logging.log4j.Level;
import org.apache.logging.log4j.ThreadContext;
import org.apache.logging.log4j.core.Logger;
import org.apache.logging.log4j.message.Message;
import org.apache.logging.log4j.util.StackLocatorUtil;

/** Turns one Log4j 2 event into a log record. Settings are read once, on first use. */
public final class Log4jBridge {

  private static final LogBridgeSettings settings =
      LogBridgeSettings.read(ConfigProperties.agent(), "log4j-appender");
  // Depth of woven Logger calls on this thread; an int[] so the hot path never boxes.
  private static final ThreadLocal<int[]> depth = ThreadLocal.withInitial(() -> new int[1]);

  private Log4jBridge() {}

  /** Emits the record of an outermost call; returns whether the exit must undo the depth. */
  public static boolean enter(
      Logger logger,
      String fqcn,
      Level level,
      StackTraceElement location,
      Message message,
      Throwable thrown) {
    int[] current = depth.get();
    if (current[0]++ > 0) {
      return true;
    }
    emit(logger, fqcn, level, location, message, thrown);
    return true;
  }

  public static void exit(boolean entered) {
    if (entered) {
      depth.get()[0]--;
    }
  }

  private static void emit(
      Logger logger,
      String fqcn,
      Level level,
      StackTraceElement location,
      Message message,
      Throwable thrown) {
    dev.weft.core.api.logs.Logger otel = LogBridge.loggerFor(logger.getName());
    if (otel == null) {
      return;
    }
    LogRecordBuilder record = otel.logRecordBuilder();
    // The event does not exist yet at this point; its time would be this moment.
    Instant now = Instant.now();
    record.setTimestamp(now.getEpochSecond() * 1_000_000_000L + now.getNano());
    if (level != null) {
      record.setSeverity(severity(level.intLevel())).setSeverityText(level.name());
    }
    if (message != null) {
      record.setBody(message.getFormattedMessage());
    }
    Throwable exception = thrown != null ? thrown : message == null ? null : message.getThrowable();
    record.setException(exception);
    if (settings.threadAttributes()) {
      Thread thread = Thread.currentThread();
      record.setAttribute(LogAttributes.THREAD_NAME, thread.getName());
      record.setAttribute(LogAttributes.THREAD_ID, thread.getId());
    }
    if (settings.codeAttributes()) {
      codeAttributes(location != null ? location : StackLocatorUtil.calcLocation(fqcn), record);
    }
    if (settings.capturesMdc()) {
      for (Map.Entry<String, String> entry : ThreadContext.getImmutableContext().entrySet()) {
        if (settings.capturesMdcKey(entry.getKey())) {
          record.setAttribute(AttributeKey.stringKey(entry.getKey()), entry.getValue());
        }
      }
    }
    record.emit();
  }

  /** Log4j's int levels: FATAL 100, ERROR 200, WARN 300, INFO 400, DEBUG 500, TRACE 600. */
  static Severity severity(int intLevel) {
    if (intLevel <= 100) {
      return intLevel == 0 ? Severity.UNDEFINED_SEVERITY_NUMBER : Severity.FATAL;
    }
    if (intLevel <= 200) {
      return Severity.ERROR;
    }
    if (intLevel <= 300) {
      return Severity.WARN;
    }
    if (intLevel <= 400) {
      return Severity.INFO;
    }
    if (intLevel <= 500) {
      return Severity.DEBUG;
    }
    return Severity.TRACE;
  }

  private static void codeAttributes(StackTraceElement caller, LogRecordBuilder record) {
    if (caller == null) {
      return;
    }
    record.setAttribute(LogAttributes.CODE_NAMESPACE, caller.getClassName());
    record.setAttribute(LogAttributes.CODE_FUNCTION, caller.getMethodName());
    record.setAttribute(LogAttributes.CODE_FILEPATH, caller.getFileName());
    if (caller.getLineNumber() > 0) {
      record.setAttribute(LogAttributes.CODE_LINENO, (long) caller.getLineNumber());
    }
  }
}
