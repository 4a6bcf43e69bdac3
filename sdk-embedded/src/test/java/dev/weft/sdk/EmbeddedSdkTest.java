package dev.weft.sdk;

import static org.assertj.core.api.Assertions.assertThat;

import dev.weft.core.api.GlobalTelemetry;
import dev.weft.core.api.common.AttributeKey;
import dev.weft.core.api.metrics.MeterProviders;
import dev.weft.core.api.propagation.Propagators;
import dev.weft.core.api.trace.Span;
import dev.weft.core.api.trace.TracerProviders;
import dev.weft.core.config.AgentSettings;
import dev.weft.core.config.ConfigProperties;
import dev.weft.core.spi.TelemetrySdk;
import dev.weft.sdk.testing.LogCapture;
import dev.weft.sdk.testing.TestConfigs;
import dev.weft.sdk.trace.SdkSpan;
import dev.weft.sdk.trace.SdkTracerProvider;
import java.time.Duration;
import java.util.ServiceLoader;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class EmbeddedSdkTest {

  private final EmbeddedSdk sdk = new EmbeddedSdk();

  @AfterEach
  void reset() {
    sdk.shutdown();
    GlobalTelemetry.set(TracerProviders.noop(), Propagators.noop());
    GlobalTelemetry.setMeterProvider(MeterProviders.noop());
  }

  /** Metrics are off unless a test names an exporter: no final export to a missing collector. */
  private void start(String... keyValues) {
    String[] withMetrics = java.util.Arrays.copyOf(keyValues, keyValues.length + 2);
    withMetrics[keyValues.length] = "otel.metrics.exporter";
    withMetrics[keyValues.length + 1] = "none";
    for (int i = 0; i < keyValues.length; i += 2) {
      if (keyValues[i].equals("otel.metrics.exporter")) {
        withMetrics = keyValues;
      }
    }
    ConfigProperties config = TestConfigs.of(withMetrics);
    sdk.start(config, AgentSettings.read(config));
  }

  /** Starts with the console metric exporter, records, shuts down: what the console shows. */
  private String consoleMetrics(String... keyValues) {
    java.io.ByteArrayOutputStream console = new java.io.ByteArrayOutputStream();
    java.io.PrintStream stderr = System.err;
    System.setErr(new java.io.PrintStream(console, true));
    try {
      String[] all = java.util.Arrays.copyOf(keyValues, keyValues.length + 4);
      all[keyValues.length] = "otel.metrics.exporter";
      all[keyValues.length + 1] = "console";
      all[keyValues.length + 2] = "otel.traces.exporter";
      all[keyValues.length + 3] = "none";
      start(all);
      assertThat(GlobalTelemetry.meterProvider()).isSameAs(sdk.meterProvider());
      assertThat(sdk.describe()).contains(", metrics to console every 60000 ms, logs to ");
      GlobalTelemetry.meterProvider().get("test", null).instrument("jobs").longCounter().add(4);
      sdk.shutdown();
    } finally {
      System.setErr(stderr);
    }
    return console.toString();
  }

  @Test
  void registersTheMeterProviderWithRuntimeMetricsAndExportsAtShutdown() {
    assertThat(consoleMetrics())
        .contains("[weft] metric jobs {} 4")
        .contains("[weft] metric jvm.class.loaded {class} {}")
        .contains("[weft] metric jvm.memory.used By {jvm.memory.pool.name=");
  }

  @Test
  void runtimeMetricsSwitchOffByTheirInstrumentationName() {
    assertThat(consoleMetrics("otel.instrumentation.runtime-telemetry.enabled", "false"))
        .contains("[weft] metric jobs {} 4")
        .doesNotContain("jvm.");
  }

  @Test
  void metricsExporterNoneRegistersNoMeterProvider() {
    start("otel.metrics.exporter", "none");
    assertThat(GlobalTelemetry.meterProvider()).isSameAs(MeterProviders.noop());
  }

  @Test
  void isFoundThroughTheServiceLoader() {
    assertThat(ServiceLoader.load(TelemetrySdk.class).findFirst())
        .hasValueSatisfying(found -> assertThat(found).isInstanceOf(EmbeddedSdk.class));
  }

  @Test
  void registersARecordingTracerProviderAndThePropagator() {
    start("otel.service.name", "checkout");
    assertThat(GlobalTelemetry.tracerProvider()).isSameAs(sdk.tracerProvider());
    assertThat(GlobalTelemetry.propagator().fields()).contains("traceparent", "baggage");
    Span span = GlobalTelemetry.tracerProvider().get("test", null).spanBuilder("op").startSpan();
    assertThat(span.isRecording()).isTrue();
    assertThat(span.spanContext().isSampled()).isTrue();
    span.end();
    assertThat(((SdkSpan) span).resource().attributes().get(AttributeKey.stringKey("service.name")))
        .isEqualTo("checkout");
    assertThat(sdk.describe())
        .isEqualTo(
            "sampler parentbased_always_on, traces to otlp http/protobuf"
                + " http://localhost:4318/v1/traces, logs to otlp http/protobuf"
                + " http://localhost:4318/v1/logs");
  }

  @Test
  void registersALoggerProviderUnlessLogsGoNowhere() {
    start("otel.logs.exporter", "console");
    assertThat(GlobalTelemetry.loggerProvider()).isSameAs(sdk.loggerProvider());
    assertThat(GlobalTelemetry.loggerProvider().get("l").isEnabled()).isTrue();
    sdk.shutdown();
    assertThat(GlobalTelemetry.loggerProvider().get("l").isEnabled()).isFalse();

    EmbeddedSdk noLogs = new EmbeddedSdk();
    ConfigProperties config = TestConfigs.of("otel.logs.exporter", "none");
    noLogs.start(config, AgentSettings.read(config));
    assertThat(noLogs.loggerProvider()).isNull();
    assertThat(noLogs.describe()).endsWith(", logs to none");
    noLogs.shutdown();
  }

  @Test
  void samplerAndLimitsComeFromConfiguration() {
    start(
        "otel.traces.sampler", "parentbased_traceidratio",
        "otel.traces.sampler.arg", "0.25",
        "otel.span.attribute.count.limit", "7");
    SdkTracerProvider provider = sdk.tracerProvider();
    assertThat(provider.sampler().description())
        .startsWith("ParentBased{root:TraceIdRatioBased{0.250000},");
    assertThat(provider.spanLimits().attributeCountLimit()).isEqualTo(7);
    assertThat(sdk.describe()).startsWith("sampler parentbased_traceidratio 0.25, traces to ");
  }

  @Test
  void jaegerRemoteIsDescribedAsItsFallback() {
    try (LogCapture log = LogCapture.start()) {
      start("otel.traces.sampler", "jaeger_remote");
      assertThat(sdk.describe()).startsWith("sampler parentbased_always_on, ");
      assertThat(log.lines()).anySatisfy(line -> assertThat(line).contains("jaeger_remote"));
    }
  }

  @Test
  void disabledSdkRegistersOnlyThePropagators() {
    GlobalTelemetry.set(SdkTracerProvider.builder().build(), null);
    start("otel.sdk.disabled", "true");
    assertThat(GlobalTelemetry.tracerProvider()).isSameAs(TracerProviders.noop());
    assertThat(GlobalTelemetry.propagator().fields()).contains("traceparent", "baggage");
    assertThat(sdk.tracerProvider()).isNull();
    assertThat(sdk.describe()).contains("SDK disabled (otel.sdk.disabled=true)");
  }

  @Test
  void shutdownIsPromptAndStopsRecording() {
    start();
    GlobalTelemetry.tracerProvider().get("test", null).spanBuilder("queued").startSpan().end();
    long start = System.nanoTime();
    sdk.shutdown();
    // Nothing listens on the default endpoint: retries stop at the 5 s shutdown budget.
    assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(7));
    Span after = GlobalTelemetry.tracerProvider().get("test", null).spanBuilder("x").startSpan();
    assertThat(after.isRecording()).isFalse();
    sdk.shutdown(); // a second call is harmless
  }
}
