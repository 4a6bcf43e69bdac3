package dev.weft.core.config;

import static org.assertj.core.api.Assertions.assertThat;

import dev.weft.bootstrap.WeftLogger;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class AgentSettingsTest {

  private final TestConfig holder = TestConfig.empty();

  @Test
  void defaults() {
    AgentSettings settings = read();
    assertThat(settings.enabled()).isTrue();
    assertThat(settings.debug()).isFalse();
    assertThat(settings.logging()).isEqualTo("simple");
    assertThat(settings.logLevel()).isEqualTo(WeftLogger.Level.INFO);
    assertThat(settings.excludeClasses()).isEmpty();
    assertThat(settings.excludeClassLoaders()).isEmpty();
    assertThat(settings.extensions()).isEmpty();
    assertThat(settings.sdkDisabled()).isFalse();
    assertThat(settings.serviceName()).isNull();
    assertThat(settings.sampler()).isEqualTo("parentbased_always_on");
    assertThat(settings.samplerArg()).isNull();
    assertThat(settings.samplerRatio()).isEqualTo(1.0);
    assertThat(settings.tracesExporters()).containsExactly("otlp");
    assertThat(settings.metricsExporters()).containsExactly("otlp");
    assertThat(settings.logsExporters()).containsExactly("otlp");
    assertThat(settings.propagators()).containsExactly("tracecontext", "baggage");
    assertThat(settings.otlpProtocol()).isEqualTo("http/protobuf");
    assertThat(settings.otlpTracesProtocol()).isEqualTo("http/protobuf");
    assertThat(settings.otlpMetricsProtocol()).isEqualTo("http/protobuf");
    assertThat(settings.otlpLogsProtocol()).isEqualTo("http/protobuf");
    assertThat(settings.otlpCompression()).isEqualTo("none");
    assertThat(settings.otlpTimeout()).isEqualTo(Duration.ofSeconds(10));
    assertBatch(settings.spanProcessor(), 5000, 30_000, 2048, 512);
    assertBatch(settings.logProcessor(), 1000, 30_000, 2048, 512);
    assertThat(settings.metricExportInterval()).isEqualTo(Duration.ofMillis(60_000));
    assertThat(settings.metricExportTimeout()).isEqualTo(Duration.ofMillis(30_000));
    assertThat(holder.warnings).isEmpty();
  }

  @Test
  void explicitValues() {
    holder
        .sysProp("otel.javaagent.enabled", "false")
        .sysProp("otel.sdk.disabled", "TRUE")
        .sysProp("otel.service.name", "shop")
        .sysProp("otel.javaagent.exclude-class-loaders", "a.Loader, b.Loader")
        .sysProp("otel.javaagent.extensions", "/opt/ext.jar,/opt/exts")
        .env("OTEL_TRACES_SAMPLER", "ParentBased_TraceIdRatio")
        .env("OTEL_TRACES_SAMPLER_ARG", "0.25")
        .env("OTEL_TRACES_EXPORTER", "otlp,logging,console,zipkin")
        .env("OTEL_METRICS_EXPORTER", "prometheus")
        .env("OTEL_LOGS_EXPORTER", "none")
        .env("OTEL_PROPAGATORS", "b3multi,xray-lambda")
        .env("OTEL_EXPORTER_OTLP_PROTOCOL", "grpc")
        .env("OTEL_EXPORTER_OTLP_LOGS_PROTOCOL", "http/protobuf")
        .env("OTEL_EXPORTER_OTLP_COMPRESSION", "gzip")
        .env("OTEL_EXPORTER_OTLP_TIMEOUT", "2s")
        .env("OTEL_BSP_SCHEDULE_DELAY", "100")
        .env("OTEL_BLRP_MAX_QUEUE_SIZE", "100")
        .env("OTEL_METRIC_EXPORT_INTERVAL", "15s")
        .env("OTEL_METRIC_EXPORT_TIMEOUT", "1m");
    AgentSettings settings = read();
    assertThat(settings.enabled()).isFalse();
    assertThat(settings.sdkDisabled()).isTrue();
    assertThat(settings.serviceName()).isEqualTo("shop");
    assertThat(settings.excludeClassLoaders()).containsExactly("a.Loader", "b.Loader");
    assertThat(settings.extensions()).containsExactly("/opt/ext.jar", "/opt/exts");
    assertThat(settings.sampler()).isEqualTo("parentbased_traceidratio");
    assertThat(settings.samplerRatio()).isEqualTo(0.25);
    assertThat(settings.tracesExporters()).containsExactly("otlp", "console", "zipkin");
    assertThat(settings.metricsExporters()).containsExactly("prometheus");
    assertThat(settings.logsExporters()).containsExactly("none");
    assertThat(settings.propagators()).containsExactly("b3multi", "xray-lambda");
    assertThat(settings.otlpProtocol()).isEqualTo("grpc");
    assertThat(settings.otlpTracesProtocol()).isEqualTo("grpc");
    assertThat(settings.otlpMetricsProtocol()).isEqualTo("grpc");
    assertThat(settings.otlpLogsProtocol()).isEqualTo("http/protobuf");
    assertThat(settings.otlpCompression()).isEqualTo("gzip");
    assertThat(settings.otlpTimeout()).isEqualTo(Duration.ofSeconds(2));
    assertBatch(settings.spanProcessor(), 100, 30_000, 2048, 512);
    assertBatch(settings.logProcessor(), 1000, 30_000, 100, 100); // batch shrinks with the queue
    assertThat(settings.metricExportInterval()).isEqualTo(Duration.ofSeconds(15));
    assertThat(settings.metricExportTimeout()).isEqualTo(Duration.ofMinutes(1));
    assertThat(holder.warnings).isEmpty();
  }

  @Test
  void debugFromEitherKey() {
    assertThat(read("otel.javaagent.debug", "true").debug()).isTrue();
    assertThat(read("weft.debug", "true").debug()).isTrue();
    assertThat(read("weft.debug", "true").logLevel()).isEqualTo(WeftLogger.Level.DEBUG);
  }

  @Test
  void invalidDebugValuesAreBothReported() {
    holder.sysProp("otel.javaagent.debug", "yes").sysProp("weft.debug", "1");
    assertThat(read().debug()).isFalse();
    assertThat(holder.warnings).hasSize(2);
  }

  @Test
  void loggingNoneSilencesEvenDebug() {
    holder.sysProp("otel.javaagent.logging", "NONE").sysProp("weft.debug", "true");
    AgentSettings settings = read();
    assertThat(settings.logging()).isEqualTo("none");
    assertThat(settings.logLevel()).isEqualTo(WeftLogger.Level.OFF);
  }

  @Test
  void applicationLoggingIsTreatedAsSimpleWithOneDebugNote() {
    AgentSettings settings = read("otel.javaagent.logging", "application");
    assertThat(settings.logging()).isEqualTo("simple");
    List<String> debugLines = new ArrayList<>();
    settings.applicationLoggingNote(debugLines::add);
    assertThat(debugLines)
        .containsExactly(
            "otel.javaagent.logging=application is not supported yet;"
                + " logging to stderr as 'simple'");
    assertThat(holder.warnings).isEmpty();
  }

  @Test
  void applyLogLevelConfiguresTheLoggerThenPrintsTheNote() {
    WeftLogger.Level before = WeftLogger.level();
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    WeftLogger.redirect(new PrintStream(out, true, StandardCharsets.UTF_8));
    try {
      holder.sysProp("otel.javaagent.logging", "application").sysProp("weft.debug", "true");
      read().applyLogLevel();
      assertThat(WeftLogger.level()).isEqualTo(WeftLogger.Level.DEBUG);
      assertThat(out.toString(StandardCharsets.UTF_8).split("\n"))
          .singleElement()
          .asString()
          .startsWith("[weft] DEBUG config - otel.javaagent.logging=application is not supported");
    } finally {
      WeftLogger.redirect(System.err);
      WeftLogger.configure(before);
    }
  }

  @Test
  void invalidLoggingModeWarns() {
    assertThat(read("otel.javaagent.logging", "file").logging()).isEqualTo("simple");
    assertThat(holder.warnings)
        .containsExactly(
            "Invalid value 'file' for otel.javaagent.logging (OTEL_JAVAAGENT_LOGGING):"
                + " expected one of simple, application, none; using 'simple'");
  }

  @Test
  void excludeClassesExactAndPrefix() {
    AgentSettings settings =
        read("otel.javaagent.exclude-classes", "com.acme.Secret, com.acme.gen.*,org.x*");
    assertThat(settings.excludeClasses())
        .containsExactly("com.acme.Secret", "com.acme.gen.*", "org.x*");
    assertThat(holder.warnings).isEmpty();
  }

  @Test
  void excludeClassesWithInnerWildcardWarnsAndDropsIt() {
    AgentSettings settings = read("otel.javaagent.exclude-classes", "a.*.B,c.D");
    assertThat(settings.excludeClasses()).containsExactly("c.D");
    assertThat(holder.warnings)
        .containsExactly(
            "Invalid value 'a.*.B,c.D' for otel.javaagent.exclude-classes"
                + " (OTEL_JAVAAGENT_EXCLUDE_CLASSES): '*' may only end an entry (a prefix"
                + " pattern), ignoring a.*.B; using 'c.D'");
  }

  @Test
  void invalidSamplerWarnsWithTheDocumentedMessage() {
    assertThat(read("otel.traces.sampler", "sometimes").sampler())
        .isEqualTo("parentbased_always_on");
    assertThat(holder.warnings)
        .singleElement()
        .asString()
        .startsWith("Invalid value 'sometimes' for otel.traces.sampler (OTEL_TRACES_SAMPLER):")
        .endsWith("; using 'parentbased_always_on'");
  }

  @ParameterizedTest
  @ValueSource(strings = {"1.5", "-0.1", "lots"})
  void samplerRatioOutOfRangeOrMalformedWarnsAndUsesOne(String arg) {
    holder.sysProp("otel.traces.sampler", "traceidratio").sysProp("otel.traces.sampler.arg", arg);
    assertThat(read().samplerRatio()).isEqualTo(1.0);
    assertThat(holder.warnings)
        .singleElement()
        .asString()
        .startsWith("Invalid value '" + arg + "' for otel.traces.sampler.arg")
        .endsWith("; using '1.0'");
  }

  @Test
  void samplerRatioBoundsAreInclusive() {
    holder.sysProp("otel.traces.sampler", "traceidratio").sysProp("otel.traces.sampler.arg", "0");
    assertThat(read().samplerRatio()).isEqualTo(0.0);
    assertThat(holder.warnings).isEmpty();
  }

  @Test
  void samplerArgIsNotARatioForOtherSamplers() {
    String arg = "endpoint=http://host:14250,pollingIntervalMs=5000";
    holder.sysProp("otel.traces.sampler", "jaeger_remote").sysProp("otel.traces.sampler.arg", arg);
    AgentSettings settings = read();
    assertThat(settings.samplerArg()).isEqualTo(arg);
    assertThat(settings.samplerRatio()).isEqualTo(1.0);
    assertThat(holder.warnings).isEmpty();
  }

  @Test
  void exporterAllowedSetsDifferPerSignal() {
    holder
        .sysProp("otel.traces.exporter", "prometheus")
        .sysProp("otel.metrics.exporter", "zipkin")
        .sysProp("otel.logs.exporter", "zipkin,logging-otlp");
    AgentSettings settings = read();
    assertThat(settings.tracesExporters()).containsExactly("otlp");
    assertThat(settings.metricsExporters()).containsExactly("otlp");
    assertThat(settings.logsExporters()).containsExactly("logging-otlp");
    assertThat(holder.warnings).hasSize(3);
  }

  @Test
  void noneAmongOtherExportersIsDroppedWithAWarning() {
    assertThat(read("otel.traces.exporter", "none,otlp").tracesExporters()).containsExactly("otlp");
    assertThat(holder.warnings)
        .containsExactly(
            "Invalid value 'none,otlp' for otel.traces.exporter (OTEL_TRACES_EXPORTER):"
                + " 'none' cannot be combined with other values; using 'otlp'");
  }

  @Test
  void noneAmongOtherPropagatorsIsDroppedWithAWarning() {
    assertThat(read("otel.propagators", "tracecontext,none").propagators())
        .containsExactly("tracecontext");
    assertThat(holder.warnings).hasSize(1);
  }

  @Test
  void unknownPropagatorIsDroppedWithAWarning() {
    assertThat(read("otel.propagators", "tracecontext,w3c").propagators())
        .containsExactly("tracecontext");
    assertThat(holder.warnings).singleElement().asString().contains("unknown 'w3c'");
  }

  @Test
  void httpJsonIsReportedAsUnsupported() {
    holder
        .sysProp("otel.exporter.otlp.protocol", "grpc")
        .sysProp("otel.exporter.otlp.traces.protocol", "http/json");
    AgentSettings settings = read();
    assertThat(settings.otlpTracesProtocol()).isEqualTo("grpc");
    assertThat(holder.warnings)
        .containsExactly(
            "Invalid value 'http/json' for otel.exporter.otlp.traces.protocol"
                + " (OTEL_EXPORTER_OTLP_TRACES_PROTOCOL): http/json is not supported, expected"
                + " grpc or http/protobuf; using 'grpc'");
  }

  @Test
  void genericHttpJsonFallsBackToHttpProtobufEverywhere() {
    AgentSettings settings = read("otel.exporter.otlp.protocol", "http/json");
    assertThat(settings.otlpProtocol()).isEqualTo("http/protobuf");
    assertThat(settings.otlpMetricsProtocol()).isEqualTo("http/protobuf");
    assertThat(holder.warnings).hasSize(1);
  }

  @Test
  void invalidCompressionAndTimeoutWarn() {
    holder
        .sysProp("otel.exporter.otlp.compression", "zstd")
        .sysProp("otel.exporter.otlp.timeout", "-1s");
    AgentSettings settings = read();
    assertThat(settings.otlpCompression()).isEqualTo("none");
    assertThat(settings.otlpTimeout()).isEqualTo(Duration.ofSeconds(10));
    assertThat(holder.warnings).hasSize(2);
  }

  @Test
  void nonPositiveQueueAndBatchSizesWarn() {
    holder.sysProp("otel.bsp.max.queue.size", "0").sysProp("otel.blrp.max.export.batch.size", "-3");
    AgentSettings settings = read();
    assertBatch(settings.spanProcessor(), 5000, 30_000, 2048, 512);
    assertBatch(settings.logProcessor(), 1000, 30_000, 2048, 512);
    assertThat(holder.warnings)
        .containsExactly(
            "Invalid value '0' for otel.bsp.max.queue.size (OTEL_BSP_MAX_QUEUE_SIZE):"
                + " expected a positive integer; using '2048'",
            "Invalid value '-3' for otel.blrp.max.export.batch.size"
                + " (OTEL_BLRP_MAX_EXPORT_BATCH_SIZE): expected a positive integer; using '512'");
  }

  @Test
  void explicitBatchLargerThanQueueWarnsAndIsCapped() {
    holder
        .sysProp("otel.bsp.max.queue.size", "100")
        .sysProp("otel.bsp.max.export.batch.size", "200");
    assertBatch(read().spanProcessor(), 5000, 30_000, 100, 100);
    assertThat(holder.warnings)
        .containsExactly(
            "Invalid value '200' for otel.bsp.max.export.batch.size"
                + " (OTEL_BSP_MAX_EXPORT_BATCH_SIZE): expected at most otel.bsp.max.queue.size"
                + " (100); using '100'");
  }

  @Test
  void malformedProcessorDurationsWarn() {
    holder.sysProp("otel.bsp.schedule.delay", "soon").sysProp("otel.blrp.export.timeout", "1y");
    AgentSettings settings = read();
    assertThat(settings.spanProcessor().scheduleDelay()).isEqualTo(Duration.ofMillis(5000));
    assertThat(settings.logProcessor().exportTimeout()).isEqualTo(Duration.ofMillis(30_000));
    assertThat(holder.warnings).hasSize(2);
  }

  @Test
  void zeroMetricExportIntervalWarns() {
    assertThat(read("otel.metric.export.interval", "0").metricExportInterval())
        .isEqualTo(Duration.ofMinutes(1));
    assertThat(holder.warnings)
        .containsExactly(
            "Invalid value '0' for otel.metric.export.interval (OTEL_METRIC_EXPORT_INTERVAL):"
                + " expected a positive duration; using '60000ms'");
  }

  @Test
  void readingTwiceFromOneConfigWarnsOnce() {
    holder.sysProp("otel.traces.sampler", "sometimes");
    ConfigProperties config = holder.build();
    AgentSettings.read(config);
    AgentSettings.read(config);
    assertThat(holder.warnings).hasSize(1);
  }

  @Test
  void toStringDumpsTheEffectiveSettings() {
    holder.sysProp("otel.service.name", "shop").sysProp("otel.bsp.max.queue.size", "100");
    assertThat(read().toString())
        .startsWith("AgentSettings{enabled=true, debug=false, logging=simple,")
        .contains("serviceName=shop")
        .contains("tracesExporters=[otlp]")
        .contains("otlpTimeout=10000ms")
        .contains(
            "spanProcessor=otel.bsp{scheduleDelay=5000ms, exportTimeout=30000ms,"
                + " maxQueueSize=100, maxExportBatchSize=100}")
        .endsWith("metricExportTimeout=30000ms}");
  }

  private AgentSettings read(String key, String value) {
    holder.sysProp(key, value);
    return read();
  }

  private AgentSettings read() {
    return AgentSettings.read(holder.build());
  }

  private static void assertBatch(
      BatchSettings batch, long delayMillis, long timeoutMillis, int queue, int size) {
    assertThat(batch.scheduleDelay()).isEqualTo(Duration.ofMillis(delayMillis));
    assertThat(batch.exportTimeout()).isEqualTo(Duration.ofMillis(timeoutMillis));
    assertThat(batch.maxQueueSize()).isEqualTo(queue);
    assertThat(batch.maxExportBatchSize()).isEqualTo(size);
  }
}
