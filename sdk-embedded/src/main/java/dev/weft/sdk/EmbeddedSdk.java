package dev.weft.sdk;

import dev.weft.bootstrap.WeftLogger;
import dev.weft.core.api.GlobalTelemetry;
import dev.weft.core.api.propagation.TextMapPropagator;
import dev.weft.core.api.trace.TracerProviders;
import dev.weft.core.config.AgentSettings;
import dev.weft.core.config.ConfigProperties;
import dev.weft.core.spi.TelemetrySdk;
import dev.weft.sdk.export.MetricReaders;
import dev.weft.sdk.export.SpanExporters;
import dev.weft.sdk.metrics.MetricsConfig;
import dev.weft.sdk.metrics.SdkMeterProvider;
import dev.weft.sdk.metrics.export.MetricReader;
import dev.weft.sdk.metrics.runtime.RuntimeMetrics;
import dev.weft.sdk.propagation.PropagatorFactory;
import dev.weft.sdk.resources.Resource;
import dev.weft.sdk.resources.ResourceFactory;
import dev.weft.sdk.trace.SdkTracerProvider;
import dev.weft.sdk.trace.SpanLimits;
import dev.weft.sdk.trace.export.BatchSpanProcessor;
import dev.weft.sdk.trace.export.SpanExporter;
import dev.weft.sdk.trace.samplers.Sampler;
import dev.weft.sdk.trace.samplers.SamplerFactory;
import java.util.List;
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
  private volatile SdkMeterProvider meterProvider;
  private volatile String metricsDescription = "";
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
    startMetrics(config, settings, resource);
  }

  /** The meter provider and its readers; nothing when otel.metrics.exporter is none. */
  private void startMetrics(ConfigProperties config, AgentSettings settings, Resource resource) {
    MetricsConfig metricsConfig = MetricsConfig.read(config);
    List<MetricReader> readers = MetricReaders.create(config, settings, metricsConfig);
    if (readers.isEmpty()) {
      return;
    }
    SdkMeterProvider meters = SdkMeterProvider.create(resource, metricsConfig, readers);
    meterProvider = meters;
    GlobalTelemetry.setMeterProvider(meters);
    RuntimeMetrics.registerIfEnabled(meters, config);
    StringBuilder described = new StringBuilder(", metrics to ");
    for (int i = 0; i < readers.size(); i++) {
      described.append(i == 0 ? "" : " and ").append(readers.get(i));
    }
    metricsDescription = described.toString();
    if (log.isDebug()) {
      log.debug("Meter provider: " + meters);
    }
  }

  private static String samplerName(AgentSettings settings) {
    String name = SamplerFactory.effectiveName(settings.sampler());
    return name.endsWith("traceidratio") ? name + " " + settings.samplerRatio() : name;
  }

  @Override
  public void shutdown() {
    shutdownMetrics();
    SdkTracerProvider provider = tracerProvider;
    if (provider == null) {
      return;
    }
    if (!provider.shutdown(SHUTDOWN_TIMEOUT_MILLIS, TimeUnit.MILLISECONDS)) {
      log.warn(
          "Spans still queued after "
              + SHUTDOWN_TIMEOUT_MILLIS / 1000
              + " s at shutdown were not exported");
    }
  }

  /** A final collection and export, bounded like the span flush. */
  private void shutdownMetrics() {
    SdkMeterProvider meters = meterProvider;
    if (meters != null && !meters.shutdown(SHUTDOWN_TIMEOUT_MILLIS, TimeUnit.MILLISECONDS)) {
      log.warn("The final metric collection at shutdown was not exported");
    }
  }

  // Visible for testing.
  SdkMeterProvider meterProvider() {
    return meterProvider;
  }

  // Visible for testing.
  SdkTracerProvider tracerProvider() {
    return tracerProvider;
  }

  @Override
  public String describe() {
    return description + metricsDescription;
  }

  @Override
  public String toString() {
    return "EmbeddedSdk{" + description + "}";
  }
}
