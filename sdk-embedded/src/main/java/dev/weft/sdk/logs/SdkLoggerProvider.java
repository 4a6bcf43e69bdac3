package dev.weft.sdk.logs;

import dev.weft.bootstrap.WeftLogger;
import dev.weft.core.api.logs.Logger;
import dev.weft.core.api.logs.LoggerProvider;
import dev.weft.sdk.common.InstrumentationScope;
import dev.weft.sdk.resources.Resource;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.TimeUnit;

/**
 * The SDK's logger provider: one logger per scope (for bridges: per logger name), cached, sharing
 * the resource, limits and processor. Thread-safe. After {@link #shutdown} every logger is
 * disabled.
 */
public final class SdkLoggerProvider implements LoggerProvider {

  // Logger names come from the application's code (class names, mostly) and are few; the cap
  // guards against an application that names a logger per request.
  private static final int MAX_CACHED_LOGGERS = 4096;
  private static final WeftLogger log = WeftLogger.get("sdk");

  private final Resource resource;
  private final LogLimits limits;
  private final LogRecordProcessor processor;
  private final ConcurrentMap<String, SdkLogger> loggers = new ConcurrentHashMap<>();
  private volatile boolean shutdown;

  public SdkLoggerProvider(Resource resource, LogLimits limits, LogRecordProcessor processor) {
    this.resource = resource;
    this.limits = limits;
    this.processor = processor;
  }

  @Override
  public Logger get(String scopeName) {
    String name = scopeName == null ? "" : scopeName;
    SdkLogger logger = loggers.get(name);
    if (logger != null) {
      return logger;
    }
    if (loggers.size() >= MAX_CACHED_LOGGERS) {
      log.warnEvery(
          "sdk-logger-cache",
          60_000,
          "More than "
              + MAX_CACHED_LOGGERS
              + " logger names emitted log records; new ones are no longer cached");
      return new SdkLogger(this, InstrumentationScope.of(name, null));
    }
    return loggers.computeIfAbsent(
        name, n -> new SdkLogger(this, InstrumentationScope.of(n, null)));
  }

  Resource resource() {
    return resource;
  }

  LogLimits limits() {
    return limits;
  }

  LogRecordProcessor processor() {
    return processor;
  }

  boolean isShutdown() {
    return shutdown;
  }

  /** Exports every record emitted so far, waiting at most {@code timeout}; true if done in time. */
  public boolean forceFlush(long timeout, TimeUnit unit) {
    return processor.forceFlush(timeout, unit);
  }

  /** Disables every logger, then flushes and shuts the processor down within {@code timeout}. */
  public boolean shutdown(long timeout, TimeUnit unit) {
    if (shutdown) {
      return true;
    }
    shutdown = true;
    return processor.shutdown(timeout, unit);
  }

  @Override
  public String toString() {
    return "SdkLoggerProvider{resource="
        + resource
        + ", limits="
        + limits
        + ", processor="
        + processor
        + "}";
  }
}
