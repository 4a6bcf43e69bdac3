package dev.weft.core.api.metrics;

/**
 * Where instrumentations get their {@link Meter}s. The SDK registers one with {@link
 * dev.weft.core.api.GlobalTelemetry} at start-up; until then, and when metrics are off, {@link
 * MeterProviders#noop()} answers. Thread-safe.
 */
public interface MeterProvider {

  /**
   * The meter of instrumentation scope {@code scopeName} (e.g. {@code
   * io.opentelemetry.java-http-server}) and {@code version} (may be null). Call once per scope and
   * keep the result.
   */
  Meter get(String scopeName, String version);
}
