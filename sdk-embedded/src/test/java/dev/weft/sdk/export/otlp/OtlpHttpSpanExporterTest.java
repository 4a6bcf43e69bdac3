package dev.weft.sdk.export.otlp;

import static dev.weft.sdk.export.otlp.TestConfigs.otlp;
import static org.assertj.core.api.Assertions.assertThat;

import com.google.rpc.Status;
import dev.weft.bootstrap.context.Context;
import dev.weft.core.api.Suppression;
import dev.weft.core.api.common.Attributes;
import dev.weft.sdk.export.TestSpan;
import dev.weft.sdk.export.otlp.HttpReceiver.Received;
import dev.weft.sdk.export.otlp.HttpReceiver.Reply;
import dev.weft.sdk.export.otlp.TestConfigs.LogCapture;
import dev.weft.sdk.trace.export.ExportResult;
import io.opentelemetry.proto.collector.trace.v1.ExportTracePartialSuccess;
import io.opentelemetry.proto.collector.trace.v1.ExportTraceServiceResponse;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The HTTP exporter against a real receiver on the loopback interface. */
class OtlpHttpSpanExporterTest {

  private static final long TEN_SECONDS = TimeUnit.SECONDS.toNanos(10);
  private static final Map<String, String> PROTOBUF =
      Map.of("Content-Type", "application/x-protobuf");

  private HttpReceiver receiver;
  private LogCapture log;

  @BeforeEach
  void start() throws Exception {
    receiver = HttpReceiver.start();
    log = new LogCapture();
  }

  @AfterEach
  void stop() {
    log.close();
    receiver.close();
  }

  @Test
  void postsProtobufWithOurAndConfiguredHeaders() throws Exception {
    OtlpSpanExporter exporter =
        exporter(
            "otel.exporter.otlp.endpoint",
            receiver.baseUrl(),
            "otel.exporter.otlp.headers",
            "api-key=secret%20value,x-tenant=t1");

    ExportResult result = exporter.export(List.of(TestSpan.named("checkout")), TEN_SECONDS);

    assertThat(result).isEqualTo(ExportResult.SUCCESS);
    Received request = receiver.take();
    assertThat(request.method).isEqualTo("POST");
    assertThat(request.path).isEqualTo("/v1/traces");
    assertThat(request.headers.getFirst("Content-Type")).isEqualTo("application/x-protobuf");
    assertThat(request.headers.getFirst("User-Agent")).startsWith("weft-otlp-exporter/");
    assertThat(request.headers.getFirst("Api-key")).isEqualTo("secret value");
    assertThat(request.headers.getFirst("X-tenant")).isEqualTo("t1");
    assertThat(request.headers.containsKey("Content-Encoding")).isFalse();
    assertThat(request.request().getResourceSpans(0).getScopeSpans(0).getSpans(0).getName())
        .isEqualTo("checkout");
    assertThat(log.text()).isEmpty();
  }

  @Test
  void gzipsTheBodyWhenConfigured() throws Exception {
    OtlpSpanExporter exporter = exporter("otel.exporter.otlp.compression", "gzip");

    assertThat(exporter.export(List.of(TestSpan.named("zipped")), TEN_SECONDS))
        .isEqualTo(ExportResult.SUCCESS);

    Received request = receiver.take();
    assertThat(request.headers.getFirst("Content-Encoding")).isEqualTo("gzip");
    assertThat(request.request().getResourceSpans(0).getScopeSpans(0).getSpans(0).getName())
        .isEqualTo("zipped");
  }

  @Test
  void retries503AfterTheBackoffThenSucceeds() throws Exception {
    receiver.reply(Reply.status(503));
    OtlpSpanExporter exporter = exporter();

    long start = System.nanoTime();
    ExportResult result = exporter.export(List.of(TestSpan.named("s")), TEN_SECONDS);

    assertThat(result).isEqualTo(ExportResult.SUCCESS);
    assertThat(elapsedMillis(start)).isGreaterThanOrEqualTo(800); // first backoff: 1 s x [0.8, 1.2)
    receiver.take();
    receiver.take();
    assertThat(receiver.pending()).isZero();
  }

  @Test
  void honoursRetryAfterSeconds() throws Exception {
    receiver.reply(Reply.status(503, Map.of("Retry-After", "2"), new byte[0]));
    OtlpSpanExporter exporter = exporter();

    long start = System.nanoTime();
    ExportResult result = exporter.export(List.of(TestSpan.named("s")), TEN_SECONDS);

    assertThat(result).isEqualTo(ExportResult.SUCCESS);
    assertThat(elapsedMillis(start)).isGreaterThanOrEqualTo(1_900); // not the ~1 s backoff
    receiver.take();
    receiver.take();
  }

  @Test
  void retryAfterZeroRetriesAtOnceAndGivesUpAfterFiveAttempts() throws Exception {
    Reply busy = Reply.status(429, Map.of("Retry-After", "0"), new byte[0]);
    receiver.reply(busy, busy, busy, busy, busy, busy);
    OtlpSpanExporter exporter = exporter();

    long start = System.nanoTime();
    ExportResult result = exporter.export(List.of(TestSpan.named("s")), TEN_SECONDS);

    assertThat(result).isEqualTo(ExportResult.FAILURE);
    assertThat(elapsedMillis(start)).isLessThan(800); // no backoff was slept
    assertThat(receiver.pending()).isEqualTo(5);
    assertThat(exporter.droppedSpans()).isEqualTo(1);
    assertThat(log.text()).contains("HTTP 429", "gave up after 5 attempts");
  }

  @Test
  void badRequestIsNotRetriedAndItsStatusMessageIsLogged() throws Exception {
    byte[] status =
        Status.newBuilder().setCode(3).setMessage("span too large").build().toByteArray();
    receiver.reply(Reply.status(400, PROTOBUF, status));
    OtlpSpanExporter exporter = exporter();

    ExportResult result =
        exporter.export(List.of(TestSpan.named("s"), TestSpan.named("t")), TEN_SECONDS);

    assertThat(result).isEqualTo(ExportResult.FAILURE);
    assertThat(receiver.pending()).isEqualTo(1);
    assertThat(exporter.droppedSpans()).isEqualTo(2);
    assertThat(log.text())
        .contains(" WARN ", "Dropped 2 spans", receiver.tracesUrl(), "HTTP 400: span too large");
  }

  @Test
  void partialSuccessIsLoggedAndNotRetried() throws Exception {
    byte[] response =
        ExportTraceServiceResponse.newBuilder()
            .setPartialSuccess(
                ExportTracePartialSuccess.newBuilder()
                    .setRejectedSpans(2)
                    .setErrorMessage("spans too old"))
            .build()
            .toByteArray();
    receiver.reply(Reply.status(200, PROTOBUF, response));
    OtlpSpanExporter exporter = exporter();

    ExportResult result = exporter.export(List.of(TestSpan.named("s")), TEN_SECONDS);

    assertThat(result).isEqualTo(ExportResult.SUCCESS);
    assertThat(receiver.pending()).isEqualTo(1);
    assertThat(log.text()).contains(" WARN ", "rejected 2 spans: spans too old");
  }

  @Test
  void aCollectorThatNeverAnswersCostsNoMoreThanTheTimeout() throws Exception {
    receiver.reply(Reply.hang(), Reply.hang());
    OtlpSpanExporter exporter = exporter("otel.exporter.otlp.timeout", "500");

    long start = System.nanoTime();
    ExportResult result =
        exporter.export(List.of(TestSpan.named("s")), TimeUnit.MILLISECONDS.toNanos(1_200));

    assertThat(result).isEqualTo(ExportResult.FAILURE);
    assertThat(elapsedMillis(start)).isBetween(450L, 1_700L);
    assertThat(log.text()).contains("no response within 500 ms");
  }

  @Test
  void collectorDownFailsWithinTheTimeoutWithoutThrowing() throws Exception {
    int closedPort;
    try (ServerSocket socket = new ServerSocket(0)) {
      closedPort = socket.getLocalPort();
    }
    OtlpSpanExporter exporter =
        exporter("otel.exporter.otlp.endpoint", "http://127.0.0.1:" + closedPort);

    long start = System.nanoTime();
    ExportResult result =
        exporter.export(List.of(TestSpan.named("s")), TimeUnit.MILLISECONDS.toNanos(2_000));

    assertThat(result).isEqualTo(ExportResult.FAILURE);
    assertThat(elapsedMillis(start)).isLessThan(2_500);
    assertThat(exporter.droppedSpans()).isEqualTo(1);
    assertThat(log.text())
        .contains("cannot connect: ConnectException", "not fit in the export timeout");
  }

  @Test
  void zeroTimeoutMeansOnlyTheExportTimeoutApplies() throws Exception {
    OtlpSpanExporter exporter = exporter("otel.exporter.otlp.timeout", "0");

    assertThat(exporter.export(List.of(TestSpan.named("s")), TEN_SECONDS))
        .isEqualTo(ExportResult.SUCCESS);
    assertThat(receiver.pending()).isEqualTo(1);
  }

  @Test
  void retryDisabledSendsOnce() throws Exception {
    receiver.reply(Reply.status(503));
    OtlpSpanExporter exporter = exporter("otel.java.exporter.otlp.retry.disabled", "true");

    ExportResult result = exporter.export(List.of(TestSpan.named("s")), TEN_SECONDS);

    assertThat(result).isEqualTo(ExportResult.FAILURE);
    assertThat(receiver.pending()).isEqualTo(1);
    assertThat(log.text()).contains("retries disabled");
  }

  @Test
  void exportsInAContextThatSuppressesInstrumentation() throws Exception {
    boolean[] suppressed = new boolean[1];
    TestSpan span =
        new TestSpan() {
          @Override
          public Attributes attributes() {
            suppressed[0] = Suppression.isSuppressed(Context.current());
            return super.attributes();
          }
        };

    exporter().export(List.of(span), TEN_SECONDS);

    assertThat(suppressed[0]).isTrue();
    assertThat(Suppression.isSuppressed(Context.current())).isFalse();
  }

  @Test
  void emptyBatchSendsNothingAndShutdownStopsExports() throws Exception {
    OtlpSpanExporter exporter = exporter();

    assertThat(exporter.export(List.of(), TEN_SECONDS)).isEqualTo(ExportResult.SUCCESS);
    exporter.shutdown();
    assertThat(exporter.export(List.of(TestSpan.named("late")), TEN_SECONDS))
        .isEqualTo(ExportResult.FAILURE);
    assertThat(receiver.pending()).isZero();
  }

  @Test
  void restrictedHeadersAreDroppedWithAWarning() throws Exception {
    OtlpSpanExporter exporter = exporter("otel.exporter.otlp.headers", "Host=evil,ok=1");

    assertThat(exporter.export(List.of(TestSpan.named("s")), TEN_SECONDS))
        .isEqualTo(ExportResult.SUCCESS);
    assertThat(receiver.take().headers.getFirst("Ok")).isEqualTo("1");
    assertThat(log.text()).contains("Ignoring OTLP header 'Host'");
  }

  private OtlpSpanExporter exporter(String... extra) {
    String[] keysAndValues = new String[extra.length + 2];
    keysAndValues[0] = "otel.exporter.otlp.traces.endpoint";
    keysAndValues[1] = receiver.tracesUrl();
    System.arraycopy(extra, 0, keysAndValues, 2, extra.length);
    // A generic endpoint in `extra` must win, so only set the per-signal one when none is given.
    boolean genericEndpoint = List.of(extra).contains("otel.exporter.otlp.endpoint");
    return OtlpSpanExporter.http(otlp(genericEndpoint ? extra : keysAndValues));
  }

  private static long elapsedMillis(long startNanos) {
    return Duration.ofNanos(System.nanoTime() - startNanos).toMillis();
  }
}
