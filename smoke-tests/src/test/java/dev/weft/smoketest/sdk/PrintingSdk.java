package dev.weft.smoketest.sdk;

import dev.weft.core.api.GlobalTelemetry;
import dev.weft.core.config.AgentSettings;
import dev.weft.core.config.ConfigProperties;
import dev.weft.core.spi.TelemetrySdk;

/**
 * Test-only stand-in for the embedded SDK, patched into a copy of the agent jar by {@code
 * PatchedAgent}: registers a tracer that prints every ended span to stderr ({@value
 * PrintingTracer#PREFIX}) and a W3C {@code traceparent} propagator, so instrumentation can be
 * checked end to end whatever state the real SDK is in.
 */
public final class PrintingSdk implements TelemetrySdk {

  @Override
  public void start(ConfigProperties config, AgentSettings settings) {
    GlobalTelemetry.set(new PrintingTracer(), new TraceparentPropagator());
  }

  @Override
  public void shutdown() {
    System.err.flush();
  }

  @Override
  public String describe() {
    return "test SDK printing spans to stderr";
  }
}
