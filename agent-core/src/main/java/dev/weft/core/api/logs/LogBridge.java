package dev.weft.core.api.logs;

import dev.weft.bootstrap.context.Context;
import dev.weft.core.api.GlobalTelemetry;
import dev.weft.core.api.Suppression;

/**
 * The checks every log bridge makes before turning an application log event into a record. They
 * keep Weft's own activity out of the pipeline: Weft's log output never goes through a logging
 * framework, but libraries it ships (gRPC, protobuf) log through {@code java.util.logging} under
 * their relocated {@code dev.weft.} names, and the export thread runs with instrumentation
 * suppressed. A record from either would be exported by the very activity that produced it: a loop.
 */
public final class LogBridge {

  // Weft's own code never logs through a framework; what it ships relocated (gRPC, protobuf,
  // Guava) does, under these names.
  private static final String SHADED_PREFIX = "dev.weft.shaded.";

  private LogBridge() {}

  /**
   * The logger to emit {@code loggerName}'s event through, or null when nothing should be emitted:
   * logs disabled, Weft's relocated libraries ({@code dev.weft.shaded.}), or a context in which
   * telemetry is suppressed. Allocates nothing.
   */
  public static Logger loggerFor(String loggerName) {
    String name = loggerName == null ? "" : loggerName;
    if (name.startsWith(SHADED_PREFIX)) {
      return null;
    }
    Logger logger = GlobalTelemetry.loggerProvider().get(name);
    if (!logger.isEnabled() || Suppression.isSuppressed(Context.current())) {
      return null;
    }
    return logger;
  }
}
