package dev.weft.core.api.logs;

import dev.weft.core.api.trace.SpanContext;
import dev.weft.core.config.ConfigProperties;

/**
 * The names under which MDC / context-data injection puts the current span's ids into the
 * application's own log output: {@code trace_id}, {@code span_id}, {@code trace_flags} unless
 * renamed with {@code otel.instrumentation.common.logging.trace-id} (also read with a {@code -key}
 * suffix), {@code .span-id}, {@code .trace-flags}. Values: 32 and 16 lower-case hex digits, and the
 * flags as two hex digits ({@code 01} when sampled).
 */
public final class TraceContextKeys {

  private static final String PREFIX = "otel.instrumentation.common.logging.";
  private static final String[] FLAGS_HEX = new String[256];

  static {
    for (int i = 0; i < 256; i++) {
      FLAGS_HEX[i] = (i < 16 ? "0" : "") + Integer.toHexString(i);
    }
  }

  private final String traceId;
  private final String spanId;
  private final String traceFlags;

  private TraceContextKeys(String traceId, String spanId, String traceFlags) {
    this.traceId = traceId;
    this.spanId = spanId;
    this.traceFlags = traceFlags;
  }

  public static TraceContextKeys read(ConfigProperties config) {
    return new TraceContextKeys(
        key(config, "trace-id", "trace_id"),
        key(config, "span-id", "span_id"),
        key(config, "trace-flags", "trace_flags"));
  }

  private static String key(ConfigProperties config, String option, String defaultName) {
    String name = config.getString(PREFIX + option);
    if (name == null) {
      name = config.getString(PREFIX + option + "-key");
    }
    return name == null ? defaultName : name;
  }

  public String traceId() {
    return traceId;
  }

  public String spanId() {
    return spanId;
  }

  public String traceFlags() {
    return traceFlags;
  }

  /** The flags as two hex digits, without allocating. */
  public static String flagsHex(SpanContext context) {
    return FLAGS_HEX[context.flags() & 0xFF];
  }

  @Override
  public String toString() {
    return "TraceContextKeys{" + traceId + ", " + spanId + ", " + traceFlags + "}";
  }
}
