package dev.weft.smoketest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.google.protobuf.ByteString;
import io.grpc.ManagedChannel;
import io.grpc.Metadata;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.grpc.netty.shaded.io.grpc.netty.NettyChannelBuilder;
import io.grpc.stub.MetadataUtils;
import io.opentelemetry.proto.collector.logs.v1.ExportLogsServiceRequest;
import io.opentelemetry.proto.collector.logs.v1.LogsServiceGrpc;
import io.opentelemetry.proto.collector.metrics.v1.ExportMetricsServiceRequest;
import io.opentelemetry.proto.collector.metrics.v1.MetricsServiceGrpc;
import io.opentelemetry.proto.collector.trace.v1.ExportTraceServiceRequest;
import io.opentelemetry.proto.collector.trace.v1.ExportTraceServiceResponse;
import io.opentelemetry.proto.collector.trace.v1.TraceServiceGrpc;
import io.opentelemetry.proto.collector.trace.v1.TraceServiceGrpc.TraceServiceBlockingStub;
import io.opentelemetry.proto.common.v1.AnyValue;
import io.opentelemetry.proto.common.v1.InstrumentationScope;
import io.opentelemetry.proto.common.v1.KeyValue;
import io.opentelemetry.proto.logs.v1.LogRecord;
import io.opentelemetry.proto.logs.v1.ResourceLogs;
import io.opentelemetry.proto.logs.v1.ScopeLogs;
import io.opentelemetry.proto.logs.v1.SeverityNumber;
import io.opentelemetry.proto.metrics.v1.AggregationTemporality;
import io.opentelemetry.proto.metrics.v1.Metric;
import io.opentelemetry.proto.metrics.v1.NumberDataPoint;
import io.opentelemetry.proto.metrics.v1.ResourceMetrics;
import io.opentelemetry.proto.metrics.v1.ScopeMetrics;
import io.opentelemetry.proto.metrics.v1.Sum;
import io.opentelemetry.proto.resource.v1.Resource;
import io.opentelemetry.proto.trace.v1.ResourceSpans;
import io.opentelemetry.proto.trace.v1.ScopeSpans;
import io.opentelemetry.proto.trace.v1.Span;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Tests of OtlpReceiver with real clients: the JDK's HttpClient and a grpc-java channel. */
class OtlpReceiverTest {
  @RegisterExtension static final OtlpReceiver otlp = OtlpReceiver.onFreePorts();

  private static final Duration TIMEOUT = Duration.ofSeconds(10);
  private static final String PROTOBUF = "application/x-protobuf";

  private static HttpClient http;
  private static ManagedChannel channel;

  @BeforeAll
  static void connect() {
    http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    channel =
        NettyChannelBuilder.forAddress("127.0.0.1", URI.create(otlp.grpcEndpoint()).getPort())
            .usePlaintext()
            .build();
  }

  @AfterAll
  static void disconnect() throws InterruptedException {
    channel.shutdownNow().awaitTermination(5, TimeUnit.SECONDS);
  }

  @ParameterizedTest
  @ValueSource(booleans = {false, true})
  void httpDecodesTraceRequestIntact(boolean gzip) throws Exception {
    ExportTraceServiceRequest request = traceRequest("GET /users/{id}");

    HttpResponse<byte[]> response = post("/v1/traces", request.toByteArray(), PROTOBUF, gzip);

    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(response.headers().firstValue("content-type")).hasValue(PROTOBUF);
    assertThat(ExportTraceServiceResponse.parseFrom(response.body()))
        .isEqualTo(ExportTraceServiceResponse.getDefaultInstance());
    assertThat(otlp.traceRequests()).containsExactly(request);
    assertThat(otlp.spans()).containsExactly(spanOf(request));
    assertThat(otlp.headersOfLastRequest()).containsEntry("content-type", List.of(PROTOBUF));
    if (gzip) {
      assertThat(otlp.headersOfLastRequest()).containsEntry("content-encoding", List.of("gzip"));
    }
  }

  @Test
  void httpDecodesMetricsAndLogs() throws Exception {
    ExportMetricsServiceRequest metrics = metricsRequest("jvm.thread.count");
    ExportLogsServiceRequest logs = logsRequest("order shipped");

    assertThat(post("/v1/metrics", metrics.toByteArray(), PROTOBUF, true).statusCode())
        .isEqualTo(200);
    assertThat(post("/v1/logs", logs.toByteArray(), PROTOBUF, false).statusCode()).isEqualTo(200);

    assertThat(otlp.metricRequests()).containsExactly(metrics);
    assertThat(otlp.metrics()).extracting(Metric::getName).containsExactly("jvm.thread.count");
    assertThat(otlp.logRequests()).containsExactly(logs);
    assertThat(otlp.logRecords())
        .extracting(record -> record.getBody().getStringValue())
        .containsExactly("order shipped");
  }

  @Test
  void httpRejectsWhatIsNotOtlpProtobuf() throws Exception {
    byte[] body = traceRequest("x").toByteArray();

    assertThat(post("/v1/profiles", body, PROTOBUF, false).statusCode()).isEqualTo(404);
    assertThat(post("/v1/traces", body, "application/json", false).statusCode()).isEqualTo(415);
    assertThat(post("/v1/traces", new byte[] {(byte) 0xff}, PROTOBUF, false).statusCode())
        .isEqualTo(400);
    assertThat(otlp.traceRequests()).isEmpty();
    assertThat(otlp.requestCount()).isEqualTo(3);
  }

  @Test
  void httpProgrammedFailureIsAnsweredThenSuccessResumes() throws Exception {
    otlp.respondWith(503, 1);
    byte[] body = traceRequest("retried").toByteArray();

    assertThat(post("/v1/traces", body, PROTOBUF, false).statusCode()).isEqualTo(503);
    assertThat(otlp.traceRequests()).isEmpty();
    assertThat(post("/v1/traces", body, PROTOBUF, false).statusCode()).isEqualTo(200);
    assertThat(otlp.spans()).extracting(Span::getName).containsExactly("retried");
    assertThat(otlp.requestCount()).isEqualTo(2);
  }

  @Test
  void httpFailureCanCarryRetryAfter() throws Exception {
    otlp.respondWithRetryAfter(429, "3", 2);
    byte[] body = traceRequest("throttled").toByteArray();

    for (int i = 0; i < 2; i++) {
      HttpResponse<byte[]> throttled = post("/v1/traces", body, PROTOBUF, false);
      assertThat(throttled.statusCode()).isEqualTo(429);
      assertThat(throttled.headers().firstValue("retry-after")).hasValue("3");
    }
    HttpResponse<byte[]> accepted = post("/v1/traces", body, PROTOBUF, false);
    assertThat(accepted.statusCode()).isEqualTo(200);
    assertThat(accepted.headers().firstValue("retry-after")).isEmpty();
  }

  @Test
  void httpPartialSuccess() throws Exception {
    otlp.respondWithPartialSuccess(2, "two spans were odd", 1);
    byte[] body = traceRequest("partly").toByteArray();

    ExportTraceServiceResponse first =
        ExportTraceServiceResponse.parseFrom(post("/v1/traces", body, PROTOBUF, false).body());
    ExportTraceServiceResponse second =
        ExportTraceServiceResponse.parseFrom(post("/v1/traces", body, PROTOBUF, false).body());

    assertThat(first.getPartialSuccess().getRejectedSpans()).isEqualTo(2);
    assertThat(first.getPartialSuccess().getErrorMessage()).isEqualTo("two spans were odd");
    assertThat(second.hasPartialSuccess()).isFalse();
    assertThat(otlp.traceRequests()).hasSize(2); // partial success still means "received"
  }

  @ParameterizedTest
  @ValueSource(booleans = {false, true})
  void grpcDecodesTraceRequestIntact(boolean gzip) {
    ExportTraceServiceRequest request = traceRequest("SELECT users");
    Metadata headers = new Metadata();
    headers.put(Metadata.Key.of("x-weft-test", Metadata.ASCII_STRING_MARSHALLER), "yes");
    TraceServiceBlockingStub stub =
        traceStub().withInterceptors(MetadataUtils.newAttachHeadersInterceptor(headers));
    if (gzip) {
      stub = stub.withCompression("gzip");
    }

    ExportTraceServiceResponse response = stub.export(request);

    assertThat(response).isEqualTo(ExportTraceServiceResponse.getDefaultInstance());
    assertThat(otlp.traceRequests()).containsExactly(request);
    assertThat(otlp.spans()).containsExactly(spanOf(request));
    assertThat(otlp.headersOfLastRequest()).containsEntry("x-weft-test", List.of("yes"));
    if (gzip) {
      assertThat(otlp.headersOfLastRequest()).containsEntry("grpc-encoding", List.of("gzip"));
    }
  }

  @Test
  void grpcDecodesMetricsAndLogs() {
    ExportMetricsServiceRequest metrics = metricsRequest("http.server.request.duration");
    ExportLogsServiceRequest logs = logsRequest("payment declined");

    MetricsServiceGrpc.newBlockingStub(channel)
        .withDeadlineAfter(TIMEOUT.toMillis(), TimeUnit.MILLISECONDS)
        .export(metrics);
    LogsServiceGrpc.newBlockingStub(channel)
        .withDeadlineAfter(TIMEOUT.toMillis(), TimeUnit.MILLISECONDS)
        .export(logs);

    assertThat(otlp.metricRequests()).containsExactly(metrics);
    assertThat(otlp.logRequests()).containsExactly(logs);
  }

  @Test
  void grpcProgrammedFailureStatusThenSuccessResumes() {
    otlp.respondWithStatus(Status.Code.UNAVAILABLE, 1);
    ExportTraceServiceRequest request = traceRequest("retried over grpc");

    assertThatThrownBy(() -> traceStub().export(request))
        .isInstanceOfSatisfying(
            StatusRuntimeException.class,
            e -> assertThat(e.getStatus().getCode()).isEqualTo(Status.Code.UNAVAILABLE));
    assertThat(otlp.traceRequests()).isEmpty();
    traceStub().export(request);
    assertThat(otlp.traceRequests()).containsExactly(request);
    assertThat(otlp.requestCount()).isEqualTo(2);
  }

  @Test
  void grpcPartialSuccess() {
    otlp.respondWithPartialSuccess(1, "one span rejected", 1);

    ExportTraceServiceResponse response = traceStub().export(traceRequest("partly over grpc"));

    assertThat(response.getPartialSuccess().getRejectedSpans()).isEqualTo(1);
    assertThat(response.getPartialSuccess().getErrorMessage()).isEqualTo("one span rejected");
  }

  @Test
  void awaitSpansWaitsForSpansThatArriveLater() {
    CompletableFuture<HttpResponse<byte[]>> sent =
        http.sendAsync(
            postRequest("/v1/traces", traceRequest("late").toByteArray(), PROTOBUF, false),
            HttpResponse.BodyHandlers.ofByteArray());

    List<Span> spans = otlp.awaitSpans(1, TIMEOUT);

    assertThat(spans).extracting(Span::getName).containsExactly("late");
    assertThat(sent.join().statusCode()).isEqualTo(200);
  }

  @Test
  void awaitSpansFailsListingWhatArrived() throws Exception {
    post("/v1/traces", traceRequest("the only span").toByteArray(), PROTOBUF, false);

    assertThatThrownBy(() -> otlp.awaitSpans(2, Duration.ofMillis(200)))
        .isInstanceOf(AssertionError.class)
        .hasMessageContaining("expected at least 2 spans within PT0.2S, got 1")
        .hasMessageContaining("the only span (SPAN_KIND_SERVER)");
  }

  @Test
  void resetForgetsRequestsAndProgrammedResponses() throws Exception {
    post("/v1/traces", traceRequest("before reset").toByteArray(), PROTOBUF, false);
    otlp.respondWith(500, 5);

    otlp.reset();

    assertThat(otlp.traceRequests()).isEmpty();
    assertThat(otlp.requestCount()).isZero();
    assertThat(otlp.headersOfLastRequest()).isEmpty();
    assertThat(
            post("/v1/traces", traceRequest("after").toByteArray(), PROTOBUF, false).statusCode())
        .isEqualTo(200);
  }

  @Test
  void exporterEnvPointsAtTheChosenTransport() {
    assertThat(otlp.exporterEnv("http/protobuf"))
        .containsOnly(
            entry("OTEL_EXPORTER_OTLP_ENDPOINT", otlp.httpEndpoint()),
            entry("OTEL_EXPORTER_OTLP_PROTOCOL", "http/protobuf"));
    assertThat(otlp.exporterEnv("grpc"))
        .containsOnly(
            entry("OTEL_EXPORTER_OTLP_ENDPOINT", otlp.grpcEndpoint()),
            entry("OTEL_EXPORTER_OTLP_PROTOCOL", "grpc"));
    assertThat(otlp.httpEndpoint()).matches("http://127\\.0\\.0\\.1:\\d+");
    assertThat(otlp.grpcEndpoint()).matches("http://127\\.0\\.0\\.1:\\d+");
    assertThatThrownBy(() -> otlp.exporterEnv("http/json"))
        .isInstanceOf(IllegalArgumentException.class);
  }

  private static TraceServiceBlockingStub traceStub() {
    return TraceServiceGrpc.newBlockingStub(channel)
        .withDeadlineAfter(TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
  }

  private static HttpResponse<byte[]> post(
      String path, byte[] body, String contentType, boolean gzip) throws Exception {
    return http.send(
        postRequest(path, body, contentType, gzip), HttpResponse.BodyHandlers.ofByteArray());
  }

  private static HttpRequest postRequest(
      String path, byte[] body, String contentType, boolean gzip) {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(URI.create(otlp.httpEndpoint() + path))
            .timeout(TIMEOUT)
            .header("Content-Type", contentType);
    if (gzip) {
      request.header("Content-Encoding", "gzip");
    }
    return request.POST(HttpRequest.BodyPublishers.ofByteArray(gzip ? gzip(body) : body)).build();
  }

  private static byte[] gzip(byte[] bytes) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (GZIPOutputStream gzip = new GZIPOutputStream(out)) {
      gzip.write(bytes);
    } catch (IOException e) {
      throw new AssertionError(e);
    }
    return out.toByteArray();
  }

  private static Span spanOf(ExportTraceServiceRequest request) {
    return request.getResourceSpans(0).getScopeSpans(0).getSpans(0);
  }

  private static java.util.Map.Entry<String, String> entry(String key, String value) {
    return java.util.Map.entry(key, value);
  }

  private static ExportTraceServiceRequest traceRequest(String spanName) {
    Span span =
        Span.newBuilder()
            .setTraceId(bytes(16, 0x4b))
            .setSpanId(bytes(8, 0x11))
            .setParentSpanId(bytes(8, 0x22))
            .setName(spanName)
            .setKind(Span.SpanKind.SPAN_KIND_SERVER)
            .setStartTimeUnixNano(1_700_000_000_000_000_000L)
            .setEndTimeUnixNano(1_700_000_000_250_000_000L)
            .addAttributes(attribute("http.request.method", "GET"))
            .addAttributes(
                KeyValue.newBuilder()
                    .setKey("http.response.status_code")
                    .setValue(AnyValue.newBuilder().setIntValue(200)))
            .addEvents(Span.Event.newBuilder().setName("cache miss").setTimeUnixNano(1L))
            .setFlags(0x101)
            .build();
    return ExportTraceServiceRequest.newBuilder()
        .addResourceSpans(
            ResourceSpans.newBuilder()
                .setResource(resource())
                .addScopeSpans(
                    ScopeSpans.newBuilder()
                        .setScope(scope())
                        .setSchemaUrl("https://opentelemetry.io/schemas/1.37.0")
                        .addSpans(span)))
        .build();
  }

  private static ExportMetricsServiceRequest metricsRequest(String name) {
    Metric metric =
        Metric.newBuilder()
            .setName(name)
            .setUnit("{thread}")
            .setSum(
                Sum.newBuilder()
                    .setAggregationTemporality(
                        AggregationTemporality.AGGREGATION_TEMPORALITY_CUMULATIVE)
                    .addDataPoints(NumberDataPoint.newBuilder().setAsInt(0).setTimeUnixNano(42L)))
            .build();
    return ExportMetricsServiceRequest.newBuilder()
        .addResourceMetrics(
            ResourceMetrics.newBuilder()
                .setResource(resource())
                .addScopeMetrics(ScopeMetrics.newBuilder().setScope(scope()).addMetrics(metric)))
        .build();
  }

  private static ExportLogsServiceRequest logsRequest(String body) {
    LogRecord record =
        LogRecord.newBuilder()
            .setTimeUnixNano(7L)
            .setSeverityNumber(SeverityNumber.SEVERITY_NUMBER_INFO)
            .setSeverityText("INFO")
            .setBody(AnyValue.newBuilder().setStringValue(body))
            .setTraceId(bytes(16, 0x4b))
            .setSpanId(bytes(8, 0x11))
            .build();
    return ExportLogsServiceRequest.newBuilder()
        .addResourceLogs(
            ResourceLogs.newBuilder()
                .setResource(resource())
                .addScopeLogs(ScopeLogs.newBuilder().setScope(scope()).addLogRecords(record)))
        .build();
  }

  private static Resource resource() {
    return Resource.newBuilder().addAttributes(attribute("service.name", "receiver-test")).build();
  }

  private static InstrumentationScope scope() {
    return InstrumentationScope.newBuilder().setName("dev.weft.test").setVersion("1.0").build();
  }

  private static KeyValue attribute(String key, String value) {
    return KeyValue.newBuilder()
        .setKey(key)
        .setValue(AnyValue.newBuilder().setStringValue(value))
        .build();
  }

  private static ByteString bytes(int length, int seed) {
    byte[] bytes = new byte[length];
    for (int i = 0; i < length; i++) {
      bytes[i] = (byte) (seed + i);
    }
    return ByteString.copyFrom(bytes);
  }
}
