package dev.weft.sdk.export.otlp;

import static org.assertj.core.api.Assertions.assertThat;

import dev.weft.core.api.common.Attributes;
import dev.weft.core.api.logs.Severity;
import dev.weft.core.config.AgentSettings;
import dev.weft.core.config.ConfigProperties;
import dev.weft.sdk.export.LogRecordExporters;
import dev.weft.sdk.export.otlp.HttpReceiver.Received;
import dev.weft.sdk.logs.LogLimits;
import dev.weft.sdk.logs.LogRecordData;
import dev.weft.sdk.logs.LogRecordProcessor;
import dev.weft.sdk.logs.SdkLogRecord;
import dev.weft.sdk.logs.SdkLoggerProvider;
import dev.weft.sdk.logs.export.LogRecordExporter;
import dev.weft.sdk.resources.Resource;
import dev.weft.sdk.trace.export.ExportResult;
import io.opentelemetry.proto.collector.logs.v1.ExportLogsServiceRequest;
import io.opentelemetry.proto.logs.v1.LogRecord;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The HTTP log record exporter, built from configuration, against a real receiver. */
class OtlpHttpLogRecordExporterTest {

  private HttpReceiver receiver;

  @BeforeEach
  void start() throws Exception {
    receiver = HttpReceiver.start();
  }

  @AfterEach
  void stop() {
    receiver.close();
  }

  @Test
  void postsRecordsToTheLogsPathWithLogsSpecificHeaders() throws Exception {
    ConfigProperties config =
        TestConfigs.properties(
            "otel.exporter.otlp.endpoint",
            receiver.baseUrl(),
            "otel.exporter.otlp.headers",
            "x-generic=1",
            "otel.exporter.otlp.logs.headers",
            "x-logs=2");
    LogRecordExporter exporter = LogRecordExporters.create(config, AgentSettings.read(config));

    ExportResult result = exporter.export(records("first", "second"), TimeUnit.SECONDS.toNanos(10));

    assertThat(result).isEqualTo(ExportResult.SUCCESS);
    Received request = receiver.take();
    assertThat(request.path).isEqualTo("/v1/logs");
    assertThat(request.headers.getFirst("x-logs")).isEqualTo("2");
    assertThat(request.headers.getFirst("x-generic")).isNull(); // per-signal headers replace
    List<LogRecord> decoded =
        ExportLogsServiceRequest.parseFrom(request.body)
            .getResourceLogs(0)
            .getScopeLogs(0)
            .getLogRecordsList();
    assertThat(decoded)
        .extracting(r -> r.getBody().getStringValue())
        .containsExactly("first", "second");
    assertThat(exporter.toString()).startsWith("otlp http/protobuf " + receiver.baseUrl());
    exporter.shutdown();
  }

  @Test
  void noneMeansNoExporter() {
    ConfigProperties config = TestConfigs.properties("otel.logs.exporter", "none");

    assertThat(LogRecordExporters.create(config, AgentSettings.read(config))).isNull();
  }

  private static List<LogRecordData> records(String... bodies) {
    List<LogRecordData> out = new ArrayList<>();
    SdkLoggerProvider provider =
        new SdkLoggerProvider(
            Resource.create(Attributes.empty()),
            LogLimits.defaults(),
            new LogRecordProcessor() {
              @Override
              public void onEmit(SdkLogRecord record) {
                out.add(record);
              }

              @Override
              public boolean forceFlush(long timeout, TimeUnit unit) {
                return true;
              }

              @Override
              public boolean shutdown(long timeout, TimeUnit unit) {
                return true;
              }
            });
    for (String body : bodies) {
      provider.get("l").logRecordBuilder().setSeverity(Severity.INFO).setBody(body).emit();
    }
    return out;
  }
}
