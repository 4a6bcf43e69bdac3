package dev.weft.core.config;

import dev.weft.bootstrap.WeftLogger;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.function.Consumer;

/**
 * The agent-level and SDK-level settings, read and validated once at start-up so that a bad value
 * is reported then, before any SDK component would use it.
 *
 * <p>Immutable and thread-safe. Every getter returns a usable value: invalid configuration has
 * already been replaced by its default (with one warning per key, see {@link ConfigProperties}).
 */
public final class AgentSettings {

  static final List<String> LOGGING_MODES = List.of("simple", "application", "none");
  static final List<String> SAMPLERS =
      List.of(
          "always_on",
          "always_off",
          "traceidratio",
          "parentbased_always_on",
          "parentbased_always_off",
          "parentbased_traceidratio",
          "jaeger_remote",
          "parentbased_jaeger_remote");
  static final List<String> TRACES_EXPORTERS =
      List.of("otlp", "console", "logging", "logging-otlp", "zipkin", "none");
  static final List<String> METRICS_EXPORTERS =
      List.of("otlp", "console", "logging", "logging-otlp", "prometheus", "none");
  static final List<String> LOGS_EXPORTERS =
      List.of("otlp", "console", "logging", "logging-otlp", "none");
  static final List<String> PROPAGATORS =
      List.of(
          "tracecontext",
          "baggage",
          "b3",
          "b3multi",
          "jaeger",
          "xray",
          "xray-lambda",
          "ottrace",
          "none");
  static final List<String> PROTOCOLS = List.of("grpc", "http/protobuf", "http/json");
  static final List<String> COMPRESSIONS = List.of("gzip", "none");

  private static final String SAMPLER_ARG = "otel.traces.sampler.arg";
  private static final String OTLP = "otel.exporter.otlp.";
  private static final String HTTP_PROTOBUF = "http/protobuf";
  private static final WeftLogger log = WeftLogger.get("config");

  private final boolean enabled;
  private final boolean debug;
  private final String logging;
  private final boolean applicationLoggingRequested;
  private final List<String> excludeClasses;
  private final List<String> excludeClassLoaders;
  private final List<String> extensions;
  private final boolean sdkDisabled;
  private final String serviceName;
  private final String sampler;
  private final String samplerArg;
  private final double samplerRatio;
  private final List<String> tracesExporters;
  private final List<String> metricsExporters;
  private final List<String> logsExporters;
  private final List<String> propagators;
  private final String otlpProtocol;
  private final String otlpTracesProtocol;
  private final String otlpMetricsProtocol;
  private final String otlpLogsProtocol;
  private final String otlpCompression;
  private final Duration otlpTimeout;
  private final BatchSettings spanProcessor;
  private final BatchSettings logProcessor;
  private final Duration metricExportInterval;
  private final Duration metricExportTimeout;

  private AgentSettings(ConfigProperties config) {
    enabled = config.getBoolean("otel.javaagent.enabled", true);
    // Non-short-circuit so a bad value in either key is still reported.
    debug =
        config.getBoolean("otel.javaagent.debug", false) | config.getBoolean("weft.debug", false);
    String requestedLogging = config.getOneOf("otel.javaagent.logging", "simple", LOGGING_MODES);
    applicationLoggingRequested = requestedLogging.equals("application");
    logging = applicationLoggingRequested ? "simple" : requestedLogging;
    excludeClasses = ClassExclusions.read(config, "otel.javaagent.exclude-classes");
    excludeClassLoaders = config.getList("otel.javaagent.exclude-class-loaders");
    extensions = config.getList("otel.javaagent.extensions");
    sdkDisabled = config.getBoolean("otel.sdk.disabled", false);
    serviceName = config.getString("otel.service.name");
    sampler = config.getOneOf("otel.traces.sampler", "parentbased_always_on", SAMPLERS);
    samplerArg = config.getString(SAMPLER_ARG);
    samplerRatio = samplerRatio(config, sampler);
    tracesExporters = exporters(config, "otel.traces.exporter", TRACES_EXPORTERS);
    metricsExporters = exporters(config, "otel.metrics.exporter", METRICS_EXPORTERS);
    logsExporters = exporters(config, "otel.logs.exporter", LOGS_EXPORTERS);
    propagators =
        withoutNoneAmongOthers(
            config,
            "otel.propagators",
            config.getListOf("otel.propagators", List.of("tracecontext", "baggage"), PROPAGATORS));
    otlpProtocol = protocol(config, OTLP + "protocol", HTTP_PROTOBUF);
    otlpTracesProtocol = protocol(config, OTLP + "traces.protocol", otlpProtocol);
    otlpMetricsProtocol = protocol(config, OTLP + "metrics.protocol", otlpProtocol);
    otlpLogsProtocol = protocol(config, OTLP + "logs.protocol", otlpProtocol);
    otlpCompression = config.getOneOf(OTLP + "compression", "none", COMPRESSIONS);
    otlpTimeout = config.getDuration(OTLP + "timeout", Duration.ofSeconds(10));
    spanProcessor = BatchSettings.read(config, "otel.bsp", Duration.ofMillis(5000));
    logProcessor = BatchSettings.read(config, "otel.blrp", Duration.ofMillis(1000));
    metricExportInterval = positiveDuration(config, "otel.metric.export.interval", 60_000);
    metricExportTimeout =
        config.getDuration("otel.metric.export.timeout", Duration.ofMillis(30_000));
  }

  /** Reads and validates every setting now; warnings go to {@code config}'s warning sink. */
  public static AgentSettings read(ConfigProperties config) {
    return new AgentSettings(config);
  }

  /**
   * Sets the {@link WeftLogger} level from these settings, then logs (at DEBUG) anything about
   * logging itself that could not be said before the level was known. Call once, right after {@link
   * #read}.
   */
  public void applyLogLevel() {
    WeftLogger.configure(logLevel());
    applicationLoggingNote(log::debug);
  }

  // Visible for testing.
  void applicationLoggingNote(Consumer<String> debugSink) {
    if (applicationLoggingRequested) {
      debugSink.accept(
          "otel.javaagent.logging=application is not supported yet; logging to stderr as 'simple'");
    }
  }

  /** {@code none} silences everything (even with debug on); debug gives DEBUG; otherwise INFO. */
  public WeftLogger.Level logLevel() {
    if (logging.equals("none")) {
      return WeftLogger.Level.OFF;
    }
    return debug ? WeftLogger.Level.DEBUG : WeftLogger.Level.INFO;
  }

  private static double samplerRatio(ConfigProperties config, String sampler) {
    if (!sampler.endsWith("traceidratio")) {
      return 1.0; // jaeger_remote reads its argument as key=value pairs; the others ignore it
    }
    double ratio = config.getDouble(SAMPLER_ARG, 1.0);
    if (ratio >= 0.0 && ratio <= 1.0) {
      return ratio;
    }
    config.warnInvalid(
        SAMPLER_ARG,
        config.getString(SAMPLER_ARG),
        "expected a ratio in [0, 1] for " + sampler,
        1.0);
    return 1.0;
  }

  private static List<String> exporters(ConfigProperties config, String key, List<String> allowed) {
    List<String> result = new ArrayList<>();
    for (String name : config.getListOf(key, List.of("otlp"), allowed)) {
      String canonical = name.equals("logging") ? "console" : name; // deprecated alias
      if (!result.contains(canonical)) {
        result.add(canonical);
      }
    }
    return withoutNoneAmongOthers(config, key, result);
  }

  /** The SDK refuses {@code none} next to other values; we drop the {@code none} and say so. */
  private static List<String> withoutNoneAmongOthers(
      ConfigProperties config, String key, List<String> values) {
    if (values.size() < 2 || !values.contains("none")) {
      return Collections.unmodifiableList(values);
    }
    List<String> others = new ArrayList<>(values);
    others.remove("none");
    config.warnInvalid(
        key, String.join(",", values), "'none' cannot be combined with other values", others);
    return Collections.unmodifiableList(others);
  }

  private static String protocol(ConfigProperties config, String key, String defaultValue) {
    String protocol = config.getOneOf(key, defaultValue, PROTOCOLS);
    if (!protocol.equals("http/json")) {
      return protocol;
    }
    config.warnInvalid(
        key, protocol, "http/json is not supported, expected grpc or http/protobuf", defaultValue);
    return defaultValue;
  }

  private static Duration positiveDuration(
      ConfigProperties config, String key, long defaultMillis) {
    Duration fallback = Duration.ofMillis(defaultMillis);
    Duration value = config.getDuration(key, fallback);
    if (!value.isZero()) {
      return value;
    }
    config.warnInvalid(key, config.getString(key), "expected a positive duration", fallback);
    return fallback;
  }

  public boolean enabled() {
    return enabled;
  }

  public boolean debug() {
    return debug;
  }

  /** {@code simple} or {@code none}; a requested {@code application} is reported as simple. */
  public String logging() {
    return logging;
  }

  /** Exact class names and {@code prefix*} patterns, as configured. */
  public List<String> excludeClasses() {
    return excludeClasses;
  }

  public List<String> excludeClassLoaders() {
    return excludeClassLoaders;
  }

  public List<String> extensions() {
    return extensions;
  }

  public boolean sdkDisabled() {
    return sdkDisabled;
  }

  /** {@code otel.service.name}, or null when unset (resource attributes may still name it). */
  public String serviceName() {
    return serviceName;
  }

  public String sampler() {
    return sampler;
  }

  /** The raw {@code otel.traces.sampler.arg}, or null; for samplers other than the ratio ones. */
  public String samplerArg() {
    return samplerArg;
  }

  /** The validated ratio for the {@code *traceidratio} samplers; 1.0 for the others. */
  public double samplerRatio() {
    return samplerRatio;
  }

  /** Exporter names; {@code logging} is reported as {@code console}. */
  public List<String> tracesExporters() {
    return tracesExporters;
  }

  public List<String> metricsExporters() {
    return metricsExporters;
  }

  public List<String> logsExporters() {
    return logsExporters;
  }

  public List<String> propagators() {
    return propagators;
  }

  /** {@code grpc} or {@code http/protobuf}. */
  public String otlpProtocol() {
    return otlpProtocol;
  }

  public String otlpTracesProtocol() {
    return otlpTracesProtocol;
  }

  public String otlpMetricsProtocol() {
    return otlpMetricsProtocol;
  }

  public String otlpLogsProtocol() {
    return otlpLogsProtocol;
  }

  /** {@code gzip} or {@code none}. */
  public String otlpCompression() {
    return otlpCompression;
  }

  public Duration otlpTimeout() {
    return otlpTimeout;
  }

  /** {@code otel.bsp.*}. */
  public BatchSettings spanProcessor() {
    return spanProcessor;
  }

  /** {@code otel.blrp.*}. */
  public BatchSettings logProcessor() {
    return logProcessor;
  }

  public Duration metricExportInterval() {
    return metricExportInterval;
  }

  public Duration metricExportTimeout() {
    return metricExportTimeout;
  }

  @Override
  public String toString() {
    return "AgentSettings{"
        + String.join(
            ", ",
            "enabled=" + enabled,
            "debug=" + debug,
            "logging=" + logging,
            "excludeClasses=" + excludeClasses,
            "excludeClassLoaders=" + excludeClassLoaders,
            "extensions=" + extensions,
            "sdkDisabled=" + sdkDisabled,
            "serviceName=" + serviceName,
            "sampler=" + sampler,
            "samplerRatio=" + samplerRatio,
            "samplerArg=" + samplerArg,
            "tracesExporters=" + tracesExporters,
            "metricsExporters=" + metricsExporters,
            "logsExporters=" + logsExporters,
            "propagators=" + propagators,
            "otlpProtocol=" + otlpProtocol,
            "otlpTracesProtocol=" + otlpTracesProtocol,
            "otlpMetricsProtocol=" + otlpMetricsProtocol,
            "otlpLogsProtocol=" + otlpLogsProtocol,
            "otlpCompression=" + otlpCompression,
            "otlpTimeout=" + ConfigValues.format(otlpTimeout),
            "spanProcessor=" + spanProcessor,
            "logProcessor=" + logProcessor,
            "metricExportInterval=" + ConfigValues.format(metricExportInterval),
            "metricExportTimeout=" + ConfigValues.format(metricExportTimeout))
        + "}";
  }
}
