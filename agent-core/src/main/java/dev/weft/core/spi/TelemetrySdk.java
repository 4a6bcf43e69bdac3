package dev.weft.core.spi;

import dev.weft.core.config.AgentSettings;
import dev.weft.core.config.ConfigProperties;

/**
 * The embedded SDK, as agent-core sees it: found with {@link java.util.ServiceLoader} in the agent
 * class loader, started before any class is woven, shut down (flushing) at JVM exit.
 */
public interface TelemetrySdk {

  /**
   * Builds the tracer provider and propagators from configuration and registers them with {@link
   * dev.weft.core.api.GlobalTelemetry}. With {@code otel.sdk.disabled=true}, registers only the
   * propagators (instrumentation stays, telemetry is no-op). Must not block on the network.
   */
  void start(ConfigProperties config, AgentSettings settings);

  /** Flushes what is queued, within a bounded time, and stops the SDK's threads. */
  void shutdown();

  /**
   * One phrase for the start-up line, e.g. {@code "traces: otlp http/protobuf http://...:4318"}.
   */
  String describe();
}
