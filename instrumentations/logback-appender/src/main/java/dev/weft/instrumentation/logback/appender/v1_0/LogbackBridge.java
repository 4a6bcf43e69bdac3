package dev.weft.instrumentation.logback.appender.v1_0;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.IThrowableProxy;
import ch.qos.logback.classic.spi.ThrowableProxy;
import ch.qos.logback.classic.spi.ThrowableProxyUtil;
import dev.weft.core.api.common.AttributeKey;
import dev.weft.core.api.logs.LogAttributes;
import dev.weft.core.api.logs.LogBridge;
import dev.weft.core.api.logs.LogBridgeSettings;
import dev.weft.core.api.logs.LogRecordBuilder;
import dev.weft.core.api.logs.Logger;
import dev.weft.core.api.logs.Severity;
import dev.weft.core.config.ConfigProperties;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/** Turns one Logback event into a log record. Settings are read once, on first use. */
public final class LogbackBridge {

  private static final LogBridgeSettings settings =
      LogBridgeSettings.read(ConfigProperties.agent(), "logback-appender");
  private static final AttributeKey<String> EXCEPTION_TYPE =
      AttributeKey.stringKey("exception.type");
  private static final AttributeKey<String> EXCEPTION_MESSAGE =
      AttributeKey.stringKey("exception.message");
  private static final AttributeKey<String> EXCEPTION_STACKTRACE =
      AttributeKey.stringKey("exception.stacktrace");

  private LogbackBridge() {}

  public static void emit(ILoggingEvent event) {
    Logger logger = LogBridge.loggerFor(event.getLoggerName());
    if (logger == null) {
      return;
    }
    LogRecordBuilder record = logger.logRecordBuilder();
    record.setTimestamp(TimeUnit.MILLISECONDS.toNanos(event.getTimeStamp()));
    Level level = event.getLevel();
    if (level != null) {
      record.setSeverity(severity(level.toInt())).setSeverityText(level.toString());
    }
    record.setBody(event.getFormattedMessage());
    exception(event.getThrowableProxy(), record);
    if (settings.threadAttributes()) {
      threadAttributes(event, record);
    }
    if (settings.codeAttributes()) {
      codeAttributes(event, record);
    }
    if (settings.capturesMdc()) {
      mdcAttributes(event, record);
    }
    record.emit();
  }

  /** Logback's level ints: TRACE 5000, DEBUG 10000, INFO 20000, WARN 30000, ERROR 40000. */
  static Severity severity(int level) {
    if (level >= Level.ERROR_INT) {
      return Severity.ERROR;
    }
    if (level >= Level.WARN_INT) {
      return Severity.WARN;
    }
    if (level >= Level.INFO_INT) {
      return Severity.INFO;
    }
    if (level >= Level.DEBUG_INT) {
      return Severity.DEBUG;
    }
    return Severity.TRACE;
  }

  private static void exception(IThrowableProxy proxy, LogRecordBuilder record) {
    if (proxy == null) {
      return;
    }
    if (proxy instanceof ThrowableProxy) {
      // The original throwable: its attributes are rendered on the export thread.
      record.setException(((ThrowableProxy) proxy).getThrowable());
      return;
    }
    // A deserialized event (socket receivers): only the proxy's view is left.
    record.setAttribute(EXCEPTION_TYPE, proxy.getClassName());
    record.setAttribute(EXCEPTION_MESSAGE, proxy.getMessage());
    record.setAttribute(EXCEPTION_STACKTRACE, ThrowableProxyUtil.asString(proxy));
  }

  private static void threadAttributes(ILoggingEvent event, LogRecordBuilder record) {
    String name = event.getThreadName();
    record.setAttribute(LogAttributes.THREAD_NAME, name);
    Thread current = Thread.currentThread();
    if (current.getName().equals(name)) {
      record.setAttribute(LogAttributes.THREAD_ID, current.getId());
    }
  }

  private static void codeAttributes(ILoggingEvent event, LogRecordBuilder record) {
    StackTraceElement[] callerData = event.getCallerData();
    if (callerData == null || callerData.length == 0) {
      return;
    }
    StackTraceElement caller = callerData[0];
    record.setAttribute(LogAttributes.CODE_NAMESPACE, caller.getClassName());
    record.setAttribute(LogAttributes.CODE_FUNCTION, caller.getMethodName());
    record.setAttribute(LogAttributes.CODE_FILEPATH, caller.getFileName());
    if (caller.getLineNumber() > 0) {
      record.setAttribute(LogAttributes.CODE_LINENO, (long) caller.getLineNumber());
    }
  }

  private static void mdcAttributes(ILoggingEvent event, LogRecordBuilder record) {
    Map<String, String> mdc = event.getMDCPropertyMap();
    if (mdc == null) {
      return;
    }
    for (Map.Entry<String, String> entry : mdc.entrySet()) {
      if (settings.capturesMdcKey(entry.getKey())) {
        record.setAttribute(AttributeKey.stringKey(entry.getKey()), entry.getValue());
      }
    }
  }
}
