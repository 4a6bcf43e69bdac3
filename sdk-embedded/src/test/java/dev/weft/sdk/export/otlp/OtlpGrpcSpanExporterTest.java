package dev.weft.sdk.export.otlp;

import static dev.weft.sdk.export.otlp.TestConfigs.otlp;
import static dev.weft.sdk.export.otlp.TestConfigs.resource;
import static org.assertj.core.api.Assertions.assertThat;

import com.google.protobuf.Any;
import com.google.protobuf.Duration;
import com.google.rpc.RetryInfo;
import com.google.rpc.Status;
import dev.weft.sdk.export.TestSpan;
import dev.weft.sdk.export.otlp.GrpcReceiver.Received;
import dev.weft.sdk.export.otlp.GrpcReceiver.Reply;
import dev.weft.sdk.export.otlp.TestConfigs.LogCapture;
import dev.weft.sdk.trace.export.ExportResult;
import dev.weft.sdk.trace.export.SpanExporter;
import io.opentelemetry.proto.collector.trace.v1.ExportTracePartialSuccess;
import io.opentelemetry.proto.collector.trace.v1.ExportTraceServiceResponse;
import java.net.ServerSocket;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The gRPC exporter against a real grpc-netty server implementing the official TraceService. */
class OtlpGrpcSpanExporterTest {

  private static final long TEN_SECONDS = TimeUnit.SECONDS.toNanos(10);
  private static final int UNAVAILABLE = 14;
  private static final int RESOURCE_EXHAUSTED = 8;
  private static final int INVALID_ARGUMENT = 3;

  private GrpcReceiver receiver;
  private LogCapture log;
  private SpanExporter exporter;

  @BeforeEach
  void start() throws Exception {
    receiver = GrpcReceiver.start();
    log = new LogCapture();
  }

  @AfterEach
  void stop() {
    if (exporter != null) {
      exporter.shutdown();
    }
    log.close();
    receiver.close();
  }

  @Test
  void binaryHeadersAreConfiguredAsBase64AndArriveAsBytes() throws Exception {
    // "trace-bin" holds bytes 0x00 0xff 0x10 (base64 AP8Q); "bad-bin" is not base64.
    exporter = exporter("otel.exporter.otlp.headers", "trace-bin=AP8Q,bad-bin=%25%25%25,plain=ok");

    assertThat(exporter.export(List.of(TestSpan.named("grpc span")), TEN_SECONDS))
        .isEqualTo(ExportResult.SUCCESS);

    Received call = receiver.take();
    assertThat(call.binaryHeader("trace-bin")).containsExactly(0x00, 0xff, 0x10);
    assertThat(call.binaryHeader("bad-bin")).isNull();
    assertThat(call.header("plain")).isEqualTo("ok");
    assertThat(log.text())
        .contains("Ignoring OTLP header 'bad-bin': a -bin header value must be base64");
  }

  @Test
  void exportsToTraceServiceWithMetadataAndUserAgent() throws Exception {
    exporter = exporter("otel.exporter.otlp.headers", "api-key=secret%20value");

    assertThat(exporter.export(List.of(TestSpan.named("grpc span")), TEN_SECONDS))
        .isEqualTo(ExportResult.SUCCESS);

    Received call = receiver.take();
    assertThat(call.request.getResourceSpans(0).getScopeSpans(0).getSpans(0).getName())
        .isEqualTo("grpc span");
    assertThat(call.header("api-key")).isEqualTo("secret value");
    assertThat(call.header("user-agent")).startsWith("weft-otlp-exporter/");
    assertThat(call.header("grpc-encoding")).isNull();
    assertThat(exporter.toString())
        .isEqualTo("otlp grpc " + receiver.endpoint() + " headers=[api-key]");
    assertThat(log.text()).isEmpty();
  }

  @Test
  void gzipUsesGrpcCompression() throws Exception {
    exporter = exporter("otel.exporter.otlp.compression", "gzip");

    assertThat(exporter.export(List.of(TestSpan.named("zipped")), TEN_SECONDS))
        .isEqualTo(ExportResult.SUCCESS);

    Received call = receiver.take();
    assertThat(call.header("grpc-encoding")).isEqualTo("gzip");
    assertThat(call.request.getResourceSpans(0).getScopeSpans(0).getSpans(0).getName())
        .isEqualTo("zipped");
  }

  @Test
  void unavailableIsRetriedAfterTheBackoff() throws Exception {
    receiver.reply(Reply.error(status(UNAVAILABLE, "warming up")));
    exporter = exporter();

    long start = System.nanoTime();
    ExportResult result = exporter.export(List.of(TestSpan.named("s")), TEN_SECONDS);

    assertThat(result).isEqualTo(ExportResult.SUCCESS);
    assertThat(elapsedMillis(start)).isGreaterThanOrEqualTo(800);
    receiver.take();
    receiver.take();
    assertThat(receiver.pending()).isZero();
  }

  @Test
  void retryInfoDelayReplacesTheBackoff() throws Exception {
    Status throttled = withRetryInfo(status(RESOURCE_EXHAUSTED, "slow down"), 50);
    receiver.reply(Reply.error(throttled), Reply.error(throttled));
    exporter = exporter();

    long start = System.nanoTime();
    ExportResult result = exporter.export(List.of(TestSpan.named("s")), TEN_SECONDS);

    assertThat(result).isEqualTo(ExportResult.SUCCESS);
    assertThat(elapsedMillis(start)).isLessThan(800); // two 50 ms waits, not 1 s + 1.5 s
    assertThat(receiver.pending()).isEqualTo(3);
  }

  @Test
  void resourceExhaustedWithoutRetryInfoIsNotRetried() throws Exception {
    receiver.reply(Reply.error(status(RESOURCE_EXHAUSTED, "quota")));
    exporter = exporter();

    assertThat(exporter.export(List.of(TestSpan.named("s")), TEN_SECONDS))
        .isEqualTo(ExportResult.FAILURE);
    assertThat(receiver.pending()).isEqualTo(1);
    assertThat(log.text()).contains("RESOURCE_EXHAUSTED: quota", "no RetryInfo");
  }

  @Test
  void invalidArgumentIsDroppedWithItsMessage() throws Exception {
    receiver.reply(Reply.error(status(INVALID_ARGUMENT, "bad span id")));
    exporter = exporter();

    assertThat(exporter.export(List.of(TestSpan.named("a"), TestSpan.named("b")), TEN_SECONDS))
        .isEqualTo(ExportResult.FAILURE);
    assertThat(receiver.pending()).isEqualTo(1);
    assertThat(log.text())
        .contains("Dropped 2 spans", receiver.endpoint(), "gRPC INVALID_ARGUMENT: bad span id");
  }

  @Test
  void partialSuccessIsLoggedAndNotRetried() throws Exception {
    receiver.reply(
        Reply.ok(
            ExportTraceServiceResponse.newBuilder()
                .setPartialSuccess(
                    ExportTracePartialSuccess.newBuilder()
                        .setRejectedSpans(1)
                        .setErrorMessage("invalid trace id"))
                .build()));
    exporter = exporter();

    assertThat(exporter.export(List.of(TestSpan.named("s")), TEN_SECONDS))
        .isEqualTo(ExportResult.SUCCESS);
    assertThat(receiver.pending()).isEqualTo(1);
    assertThat(log.text()).contains("rejected 1 spans: invalid trace id");
  }

  @Test
  void unimplementedPointsAtTheCollectorsTracesPipeline() throws Exception {
    try (GrpcReceiver bare = GrpcReceiver.startWithoutTraceService()) {
      exporter = SpanExporterFactory.grpc(otlp(grpcEndpoint(bare.endpoint())));

      assertThat(exporter.export(List.of(TestSpan.named("s")), TEN_SECONDS))
          .isEqualTo(ExportResult.FAILURE);
      assertThat(log.text())
          .contains("UNIMPLEMENTED", "does not serve TraceService/Export", "traces pipeline");
    }
  }

  @Test
  void aCollectorThatNeverAnswersCostsNoMoreThanTheTimeout() throws Exception {
    receiver.reply(Reply.hang(), Reply.hang());
    exporter = exporter("otel.exporter.otlp.timeout", "400");

    long start = System.nanoTime();
    ExportResult result =
        exporter.export(List.of(TestSpan.named("s")), TimeUnit.MILLISECONDS.toNanos(1_000));

    assertThat(result).isEqualTo(ExportResult.FAILURE);
    assertThat(elapsedMillis(start)).isBetween(350L, 1_500L);
    assertThat(log.text()).contains("DEADLINE_EXCEEDED");
  }

  @Test
  void collectorDownFailsWithinTheTimeoutWithoutThrowing() throws Exception {
    int closedPort;
    try (ServerSocket socket = new ServerSocket(0)) {
      closedPort = socket.getLocalPort();
    }
    exporter = SpanExporterFactory.grpc(otlp(grpcEndpoint("http://127.0.0.1:" + closedPort)));

    long start = System.nanoTime();
    ExportResult result =
        exporter.export(List.of(TestSpan.named("s")), TimeUnit.MILLISECONDS.toNanos(2_000));

    assertThat(result).isEqualTo(ExportResult.FAILURE);
    assertThat(elapsedMillis(start)).isLessThan(2_500);
    assertThat(log.text()).contains("UNAVAILABLE");
  }

  @Test
  void mutualTls() throws Exception {
    try (GrpcReceiver secure = GrpcReceiver.startMutualTls()) {
      exporter =
          SpanExporterFactory.grpc(
              otlp(
                  "otel.exporter.otlp.protocol", "grpc",
                  "otel.exporter.otlp.endpoint", secure.endpoint(),
                  "otel.exporter.otlp.certificate", resource("ca.pem"),
                  "otel.exporter.otlp.client.key", resource("client.key"),
                  "otel.exporter.otlp.client.certificate", resource("client.pem")));

      assertThat(exporter.export(List.of(TestSpan.named("secure")), TEN_SECONDS))
          .isEqualTo(ExportResult.SUCCESS);
      assertThat(secure.take().clientCertificate).isEqualTo("CN=weft-client");
    }
  }

  private SpanExporter exporter(String... extra) {
    String[] keysAndValues = new String[extra.length + 4];
    keysAndValues[0] = "otel.exporter.otlp.protocol";
    keysAndValues[1] = "grpc";
    keysAndValues[2] = "otel.exporter.otlp.traces.endpoint";
    keysAndValues[3] = receiver.endpoint();
    System.arraycopy(extra, 0, keysAndValues, 4, extra.length);
    return SpanExporterFactory.grpc(otlp(keysAndValues));
  }

  private static String[] grpcEndpoint(String endpoint) {
    return new String[] {
      "otel.exporter.otlp.protocol", "grpc", "otel.exporter.otlp.endpoint", endpoint
    };
  }

  private static Status status(int code, String message) {
    return Status.newBuilder().setCode(code).setMessage(message).build();
  }

  private static Status withRetryInfo(Status status, long delayMillis) {
    RetryInfo retryInfo =
        RetryInfo.newBuilder()
            .setRetryDelay(Duration.newBuilder().setNanos((int) (delayMillis * 1_000_000)))
            .build();
    return status.toBuilder().addDetails(Any.pack(retryInfo)).build();
  }

  private static long elapsedMillis(long startNanos) {
    return TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - startNanos);
  }

  /** Creates the exporter the way SpanExporters does for grpc. */
  private static final class SpanExporterFactory {
    static SpanExporter grpc(OtlpExporterConfig config) {
      assertThat(config.protocol()).isEqualTo("grpc");
      return OtlpGrpcSpanExporter.create(config);
    }
  }
}
