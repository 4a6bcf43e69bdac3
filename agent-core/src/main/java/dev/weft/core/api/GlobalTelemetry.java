package dev.weft.core.api;

import dev.weft.core.api.logs.LoggerProvider;
import dev.weft.core.api.logs.LoggerProviders;
import dev.weft.core.api.metrics.MeterProvider;
import dev.weft.core.api.metrics.MeterProviders;
import dev.weft.core.api.propagation.Propagators;
import dev.weft.core.api.propagation.TextMapPropagator;
import dev.weft.core.api.trace.TracerProvider;
import dev.weft.core.api.trace.TracerProviders;

/**
 * The tracer provider and propagator instrumentations use. The SDK sets them once at start-up,
 * before any class is woven; until then (and when the SDK is disabled) no-op implementations
 * answer. Read once per instrumentation, when it builds its instrumenter, never per request.
 */
public final class GlobalTelemetry {

  private static volatile TracerProvider tracerProvider = TracerProviders.noop();
  private static volatile TextMapPropagator propagator = Propagators.noop();
  private static volatile MeterProvider meterProvider = MeterProviders.noop();
  private static volatile LoggerProvider loggerProvider = LoggerProviders.noop();

  private GlobalTelemetry() {}

  public static TracerProvider tracerProvider() {
    return tracerProvider;
  }

  public static TextMapPropagator propagator() {
    return propagator;
  }

  /** The meter provider; {@link MeterProviders#noop()} until the SDK registers one. */
  public static MeterProvider meterProvider() {
    return meterProvider;
  }

  /** Called by the SDK at start-up, when metrics are exported. */
  public static void setMeterProvider(MeterProvider meters) {
    meterProvider = meters;
  }

  /** The logger provider log bridges emit through; no-op until the SDK registers one. */
  public static LoggerProvider loggerProvider() {
    return loggerProvider;
  }

  /** Called by the SDK at start-up when logs are exported. */
  public static void setLoggerProvider(LoggerProvider loggers) {
    loggerProvider = loggers;
  }

  /** Called by the SDK at start-up. */
  public static void set(TracerProvider tracers, TextMapPropagator textMapPropagator) {
    tracerProvider = tracers;
    propagator = textMapPropagator;
  }
}
