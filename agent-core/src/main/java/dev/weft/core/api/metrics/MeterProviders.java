package dev.weft.core.api.metrics;

/** Factory for the built-in meter providers. */
public final class MeterProviders {

  private MeterProviders() {}

  /** Records nothing; every instrument is a shared no-op, callbacks are never called. */
  public static MeterProvider noop() {
    return NoopMeter.PROVIDER;
  }
}
