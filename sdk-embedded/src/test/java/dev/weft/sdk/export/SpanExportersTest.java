package dev.weft.sdk.export;

import static org.assertj.core.api.Assertions.assertThat;

import dev.weft.bootstrap.WeftLogger;
import dev.weft.core.config.AgentSettings;
import dev.weft.core.config.ConfigProperties;
import dev.weft.sdk.export.console.ConsoleSpanExporter;
import dev.weft.sdk.export.otlp.OtlpSpanExporter;
import dev.weft.sdk.trace.data.SpanData;
import dev.weft.sdk.trace.export.ExportResult;
import dev.weft.sdk.trace.export.SpanExporter;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Which exporter {@code otel.traces.exporter} gives. */
class SpanExportersTest {

  private final ByteArrayOutputStream log = new ByteArrayOutputStream();

  @BeforeEach
  void captureLog() {
    WeftLogger.redirect(new PrintStream(log, true, StandardCharsets.UTF_8));
  }

  @AfterEach
  void restoreLog() {
    WeftLogger.redirect(System.err);
  }

  @Test
  void defaultIsOtlpOverHttpProtobuf() {
    SpanExporter exporter = create();

    assertThat(exporter).isInstanceOf(OtlpSpanExporter.class);
    assertThat(exporter).hasToString("otlp http/protobuf http://localhost:4318/v1/traces");
  }

  @Test
  void otlpWithGzipAndGrpc() {
    assertThat(create("otel.exporter.otlp.compression", "gzip"))
        .hasToString("otlp http/protobuf http://localhost:4318/v1/traces gzip");
    assertThat(create("otel.exporter.otlp.traces.protocol", "grpc"))
        .hasToString("otlp grpc http://localhost:4317");
  }

  @Test
  void consoleAndItsLoggingAlias() {
    assertThat(create("otel.traces.exporter", "console")).isInstanceOf(ConsoleSpanExporter.class);
    assertThat(create("otel.traces.exporter", "logging")).hasToString("console");
  }

  @Test
  void noneExportsNothingAndSucceeds() {
    SpanExporter none = create("otel.traces.exporter", "none");

    assertThat(none).hasToString("none");
    assertThat(none.export(List.of(TestSpan.named("s")), 1)).isEqualTo(ExportResult.SUCCESS);
  }

  @Test
  void severalNamesGiveACompositeInOrder() {
    assertThat(create("otel.traces.exporter", "otlp,console"))
        .hasToString("otlp http/protobuf http://localhost:4318/v1/traces + console");
  }

  @Test
  void unsupportedExportersWarnOnceAndAreSkipped() {
    SpanExporter exporter = create("otel.traces.exporter", "zipkin,logging-otlp,console");

    assertThat(exporter).hasToString("console");
    String text = log.toString(StandardCharsets.UTF_8);
    assertThat(text).containsOnlyOnce("otel.traces.exporter=zipkin is not supported");
    assertThat(text).containsOnlyOnce("otel.traces.exporter=logging-otlp is not supported");
    assertThat(create("otel.traces.exporter", "zipkin")).hasToString("none");
  }

  @Test
  void compositeExportsToEveryExporterEvenAfterAFailure() {
    Recording failing = new Recording(ExportResult.FAILURE);
    Recording throwing = new Recording(null);
    Recording fine = new Recording(ExportResult.SUCCESS);
    SpanExporter composite = new CompositeSpanExporter(List.of(failing, throwing, fine));
    List<SpanData> batch = List.of(TestSpan.named("s"));

    assertThat(composite.export(batch, 1_000_000_000L)).isEqualTo(ExportResult.FAILURE);
    composite.shutdown();

    for (Recording exporter : List.of(failing, throwing, fine)) {
      assertThat(exporter.batches).containsExactly(batch);
      assertThat(exporter.shutdown).isTrue();
    }
    assertThat(new CompositeSpanExporter(List.of(fine, fine)).export(batch, 1))
        .isEqualTo(ExportResult.SUCCESS);
  }

  private static SpanExporter create(String... keysAndValues) {
    Map<String, String> values = new java.util.HashMap<>();
    for (int i = 0; i < keysAndValues.length; i += 2) {
      values.put(keysAndValues[i], keysAndValues[i + 1]);
    }
    ConfigProperties config = ConfigProperties.create(values, Map.of(), Map.of());
    return SpanExporters.create(config, AgentSettings.read(config));
  }

  /** An exporter that records what it got; a null result means it throws. */
  private static final class Recording implements SpanExporter {
    final List<Collection<? extends SpanData>> batches = new ArrayList<>();
    final ExportResult result;
    boolean shutdown;

    Recording(ExportResult result) {
      this.result = result;
    }

    @Override
    public ExportResult export(Collection<? extends SpanData> spans, long timeoutNanos) {
      batches.add(spans);
      if (result == null) {
        throw new IllegalStateException("broken exporter");
      }
      return result;
    }

    @Override
    public void shutdown() {
      shutdown = true;
      if (result == null) {
        throw new IllegalStateException("broken exporter");
      }
    }
  }
}
