package dev.weft.sdk;

import dev.weft.bootstrap.WeftLogger;
import dev.weft.core.api.GlobalTelemetry;
import dev.weft.core.api.propagation.TextMapPropagator;
import dev.weft.core.api.trace.TracerProviders;
import dev.weft.core.config.AgentSettings;
import dev.weft.core.config.ConfigProperties;
import dev.weft.core.spi.TelemetrySdk;
import dev.weft.sdk.export.LogRecordExporters;
import dev.weft.sdk.export.SpanExporters;
import dev.weft.sdk.logs.LogLimits;
import dev.weft.sdk.logs.SdkLoggerProvider;
import dev.weft.sdk.logs.export.BatchLogRecordProcessor;
import dev.weft.sdk.logs.export.LogRecordExporter;
import dev.weft.sdk.propagation.PropagatorFactory;
import dev.weft.sdk.resources.Resource;
import dev.weft.sdk.resources.ResourceFactory;
import dev.weft.sdk.trace.SdkTracerProvider;
import dev.weft.sdk.trace.SpanLimits;
import dev.weft.sdk.trace.export.BatchSpanProcessor;
import dev.weft.sdk.trace.export.SpanExporter;
import dev.weft.sdk.trace.samplers.Sampler;
import dev.weft.sdk.trace.samplers.SamplerFactory;
import java.util.concurrent.TimeUnit;

/**
 * The embedded SDK as agent-core starts it (found through {@code META-INF/services}): resource,
 * sampler, limits, the batch processor and exporter, and the propagators, registered with {@link
 * GlobalTelemetry}. Nothing here touches the network: the exporter connects on first export, and
 * the export thread starts with the first sampled span.
 */
public final class EmbeddedSdk implements TelemetrySdk {

  // At JVM exit queued spans get at most 5 s, retries included (the export budget is cut to what
  // is left): a collector that is down delays the application's exit by no more than this. The
  // official SDK's close() waits up to 10 s.
  private static final long SHUTDOWN_TIMEOUT_MILLIS = 5_000;
  private static final WeftLogger log = WeftLogger.get("sdk");

  private volatile SdkTracerProvider tracerProvider;
  private volatile SdkLoggerProvider loggerProvider;
  private volatile String description = "SDK not started";

  /** For {@link java.util.ServiceLoader}. */
  public EmbeddedSdk() {}

  @Override
  public void start(ConfigProperties config, AgentSettings settings) {
    TextMapPropagator propagator = PropagatorFactory.create(settings.propagators());
    if (settings.sdkDisabled()) {
      GlobalTelemetry.set(TracerProviders.noop(), propagator);
      description = "SDK disabled (otel.sdk.disabled=true), propagators " + propagator;
      return;
    }
    Resource resource = ResourceFactory.create(config);
    Sampler sampler = SamplerFactory.create(settings.sampler(), settings.samplerRatio());
    SpanExporter exporter = SpanExporters.create(config, settings);
    BatchSpanProcessor processor = BatchSpanProcessor.create(exporter, settings.spanProcessor());
    SdkTracerProvider provider =
        SdkTracerProvider.builder()
            .resource(resource)
            .sampler(sampler)
            .spanLimits(SpanLimits.fromConfig(config))
            .addSpanProcessor(processor)
            .build();
    tracerProvider = provider;
    GlobalTelemetry.set(provider, propagator);
    description = "sampler " + samplerName(settings) + ", traces to " + exporter;
    if (log.isDebug()) {
      log.debug("Tracer provider: " + provider);
    }
    startLogs(config, settings, resource);
  }

  /**
   * The logger provider, registered only when {@code otel.logs.exporter} names an exporter: with
   * {@code none} the bridges find the no-op provider and build nothing.
   */
  private void startLogs(ConfigProperties config, AgentSettings settings, Resource resource) {
    LogRecordExporter exporter = LogRecordExporters.create(config, settings);
    if (exporter == null) {
      description += ", logs to none";
      return;
    }
    SdkLoggerProvider provider =
        new SdkLoggerProvider(
            resource,
            LogLimits.fromConfig(config),
            BatchLogRecordProcessor.create(exporter, settings.logProcessor()));
    loggerProvider = provider;
    GlobalTelemetry.setLoggerProvider(provider);
    description += ", logs to " + exporter;
    if (log.isDebug()) {
      log.debug("Logger provider: " + provider);
    }
  }

  private static String samplerName(AgentSettings settings) {
    String name = SamplerFactory.effectiveName(settings.sampler());
    return name.endsWith("traceidratio") ? name + " " + settings.samplerRatio() : name;
  }

  @Override
  public void shutdown() {
    long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(SHUTDOWN_TIMEOUT_MILLIS);
    SdkTracerProvider provider = tracerProvider;
    if (provider != null && !provider.shutdown(SHUTDOWN_TIMEOUT_MILLIS, TimeUnit.MILLISECONDS)) {
      log.warn(
          "Spans still queued after "
              + SHUTDOWN_TIMEOUT_MILLIS / 1000
              + " s at shutdown were not exported");
    }
    shutdownLogs(deadline);
  }

  /** Log records get what is left of the same budget (at least half a second). */
  private void shutdownLogs(long deadline) {
    SdkLoggerProvider provider = loggerProvider;
    if (provider == null) {
      return;
    }
    long left = Math.max(TimeUnit.MILLISECONDS.toNanos(500), deadline - System.nanoTime());
    if (!provider.shutdown(left, TimeUnit.NANOSECONDS)) {
      log.warn("Log records still queued at shutdown were not exported");
    }
  }

  // Visible for testing.
  SdkTracerProvider tracerProvider() {
    return tracerProvider;
  }

  // Visible for testing: null when logs are not exported.
  SdkLoggerProvider loggerProvider() {
    return loggerProvider;
  }

  @Override
  public String describe() {
    return description;
  }

  @Override
  public String toString() {
    return "EmbeddedSdk{" + description + "}";
  }
}
