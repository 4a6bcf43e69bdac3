package dev.weft.sdk;

import dev.weft.bootstrap.WeftLogger;
import dev.weft.core.api.GlobalTelemetry;
import dev.weft.core.api.propagation.TextMapPropagator;
import dev.weft.core.api.trace.TracerProviders;
import dev.weft.core.config.AgentSettings;
import dev.weft.core.config.ConfigProperties;
import dev.weft.core.spi.TelemetrySdk;
import dev.weft.sdk.export.LogRecordExporters;
import dev.weft.sdk.export.MetricReaders;
import dev.weft.sdk.export.SpanExporters;
import dev.weft.sdk.logs.LogLimits;
import dev.weft.sdk.logs.SdkLoggerProvider;
import dev.weft.sdk.logs.export.BatchLogRecordProcessor;
import dev.weft.sdk.logs.export.LogRecordExporter;
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
  private volatile SdkLoggerProvider loggerProvider;
  private volatile String logsDescription = "";
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
    startLogs(config, settings, resource);
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

  /**
   * The logger provider, registered only when {@code otel.logs.exporter} names an exporter: with
   * {@code none} the bridges find the no-op provider and build nothing.
   */
  private void startLogs(ConfigProperties config, AgentSettings settings, Resource resource) {
    LogRecordExporter exporter = LogRecordExporters.create(config, settings);
    if (exporter == null) {
      logsDescription = ", logs to none";
      return;
    }
    SdkLoggerProvider provider =
        new SdkLoggerProvider(
            resource,
            LogLimits.fromConfig(config),
            BatchLogRecordProcessor.create(exporter, settings.logProcessor()));
    loggerProvider = provider;
    GlobalTelemetry.setLoggerProvider(provider);
    logsDescription = ", logs to " + exporter;
    if (log.isDebug()) {
      log.debug("Logger provider: " + provider);
    }
  }

  private static String samplerName(AgentSettings settings) {
    String name = SamplerFactory.effectiveName(settings.sampler());
    return name.endsWith("traceidratio") ? name + " " + settings.samplerRatio() : name;
  }

  /**
   * Flushes the three signals at once, each bounded by the same deadline: a collector that is down
   * delays the application's exit by at most {@value #SHUTDOWN_TIMEOUT_MILLIS} ms in all, not per
   * signal. Spans flush on this thread; metrics and logs on short-lived daemon threads.
   */
  @Override
  public void shutdown() {
    long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(SHUTDOWN_TIMEOUT_MILLIS);
    Thread metrics = inBackground("weft-metrics-shutdown", () -> shutdownMetrics(deadline));
    Thread logs = inBackground("weft-logs-shutdown", () -> shutdownLogs(deadline));
    SdkTracerProvider provider = tracerProvider;
    if (provider != null && !provider.shutdown(left(deadline), TimeUnit.NANOSECONDS)) {
      log.warn(
          "Spans still queued after "
              + SHUTDOWN_TIMEOUT_MILLIS / 1000
              + " s at shutdown were not exported");
    }
    join(metrics, deadline);
    join(logs, deadline);
  }

  /** A final collection and export. */
  private void shutdownMetrics(long deadline) {
    SdkMeterProvider meters = meterProvider;
    if (meters != null && !meters.shutdown(left(deadline), TimeUnit.NANOSECONDS)) {
      log.warn("The final metric collection at shutdown was not exported");
    }
  }

  private void shutdownLogs(long deadline) {
    SdkLoggerProvider provider = loggerProvider;
    if (provider != null && !provider.shutdown(left(deadline), TimeUnit.NANOSECONDS)) {
      log.warn("Log records still queued at shutdown were not exported");
    }
  }

  private static long left(long deadline) {
    return Math.max(0, deadline - System.nanoTime());
  }

  private static Thread inBackground(String name, Runnable flush) {
    Thread thread = new Thread(flush, name);
    thread.setDaemon(true);
    thread.start();
    return thread;
  }

  private static void join(Thread thread, long deadline) {
    try {
      thread.join(Math.max(1, TimeUnit.NANOSECONDS.toMillis(left(deadline))));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
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

  // Visible for testing: null when logs are not exported.
  SdkLoggerProvider loggerProvider() {
    return loggerProvider;
  }

  @Override
  public String describe() {
    return description + metricsDescription + logsDescription;
  }

  @Override
  public String toString() {
    return "EmbeddedSdk{" + description + "}";
  }
}
