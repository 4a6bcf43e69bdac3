package dev.weft.smoketest;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.protobuf.ByteString;
import dev.weft.smoketest.apps.CheckoutApp;
import io.opentelemetry.proto.common.v1.AnyValue;
import io.opentelemetry.proto.common.v1.KeyValue;
import io.opentelemetry.proto.trace.v1.ResourceSpans;
import io.opentelemetry.proto.trace.v1.ScopeSpans;
import io.opentelemetry.proto.trace.v1.Span;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * A service calling itself, exported over real OTLP (HTTP/protobuf with and without gzip, and gRPC)
 * to a receiver that decodes with the official classes: one trace, correctly nested, with the HTTP
 * semantic conventions.
 */
class OtlpTraceSmokeTest {

  private static final String RUNTIMES = "dev.weft.smoketest.JavaRuntimes#all";
  private static final Duration WAIT = Duration.ofSeconds(30);

  @RegisterExtension static final OtlpReceiver otlp = OtlpReceiver.onFreePorts();

  static Stream<Arguments> transports() {
    List<Arguments> all = new ArrayList<>();
    JavaRuntimes.all()
        .forEach(
            java -> {
              all.add(Arguments.of(java, OtlpReceiver.HTTP_PROTOBUF, "none"));
              all.add(Arguments.of(java, OtlpReceiver.HTTP_PROTOBUF, "gzip"));
              all.add(Arguments.of(java, OtlpReceiver.GRPC, "none"));
            });
    return all.stream();
  }

  @ParameterizedTest(name = "{0} {1} compression={2}")
  @MethodSource("transports")
  void aServiceCallingItselfExportsOneNestedTrace(
      JavaRuntime java, String protocol, String compression) {
    ProcessResult result =
        AppProcess.run(checkout(java, protocol).env("OTEL_EXPORTER_OTLP_COMPRESSION", compression));

    assertThat(result.exitCode()).as(result.stderr()).isZero();
    List<Span> spans = otlp.awaitSpans(3, WAIT);
    assertThat(spans).hasSize(3);
    Span checkout = only(spans, Span.SpanKind.SPAN_KIND_SERVER, "GET /checkout");
    Span client = only(spans, Span.SpanKind.SPAN_KIND_CLIENT, "GET");
    Span price = only(spans, Span.SpanKind.SPAN_KIND_SERVER, "GET /price");

    assertThat(client.getTraceId()).isEqualTo(checkout.getTraceId()).isEqualTo(price.getTraceId());
    assertThat(checkout.getParentSpanId()).isEmpty();
    assertThat(client.getParentSpanId()).isEqualTo(checkout.getSpanId());
    assertThat(price.getParentSpanId()).isEqualTo(client.getSpanId());
    assertThat(result.stdout())
        .contains(
            "price-saw 00-" + hex(price.getTraceId()) + "-" + hex(client.getSpanId()) + "-01");

    assertThat(attributes(checkout))
        .contains(
            "http.request.method=GET",
            "url.path=/checkout",
            "url.query=item=0",
            "url.scheme=http",
            "http.route=/checkout",
            "http.response.status_code=200",
            "server.address=127.0.0.1",
            "network.protocol.version=1.1");
    assertThat(attributes(client))
        .contains(
            "http.request.method=GET", "server.address=127.0.0.1", "http.response.status_code=200")
        .anySatisfy(a -> assertThat(a).matches("url\\.full=http://127\\.0\\.0\\.1:\\d+/price"))
        .anySatisfy(a -> assertThat(a).matches("server\\.port=\\d+"));
    ResourceSpans resource = otlp.traceRequests().get(0).getResourceSpans(0);
    assertThat(attributes(resource.getResource().getAttributesList()))
        .contains(
            "service.name=checkout", "telemetry.distro.name=weft", "telemetry.sdk.language=java");
    // The three spans may arrive in more than one batch on a loaded machine: scopes of them all.
    assertThat(otlp.traceRequests())
        .flatExtracting(request -> request.getResourceSpans(0).getScopeSpansList())
        .extracting(ScopeSpans::getScope)
        .extracting(scope -> scope.getName())
        .contains("io.opentelemetry.java-http-server", "io.opentelemetry.java-http-client");
    if ("gzip".equals(compression) && OtlpReceiver.HTTP_PROTOBUF.equals(protocol)) {
      assertThat(otlp.headersOfLastRequest()).containsKey("content-encoding");
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource(RUNTIMES)
  void anIncomingTraceparentIsContinued(JavaRuntime java) {
    String incoming = "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01";
    ProcessResult result =
        AppProcess.run(checkout(java, OtlpReceiver.HTTP_PROTOBUF).args("1", incoming));

    assertThat(result.exitCode()).as(result.stderr()).isZero();
    Span checkout = only(otlp.awaitSpans(3, WAIT), Span.SpanKind.SPAN_KIND_SERVER, "GET /checkout");
    assertThat(hex(checkout.getTraceId())).isEqualTo("4bf92f3577b34da6a3ce929d0e0e4736");
    assertThat(hex(checkout.getParentSpanId())).isEqualTo("00f067aa0ba902b7");
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource(RUNTIMES)
  void alwaysOffExportsNothingButStillPropagatesANotSampledTraceparent(JavaRuntime java) {
    ProcessResult result =
        AppProcess.run(
            checkout(java, OtlpReceiver.HTTP_PROTOBUF).env("OTEL_TRACES_SAMPLER", "always_off"));

    assertThat(result.exitCode()).as(result.stderr()).isZero();
    // The app has exited, so its final flush is over: nothing was sent.
    assertThat(otlp.requestCount()).isZero();
    assertThat(result.stdout()).containsPattern("price-saw 00-[0-9a-f]{32}-[0-9a-f]{16}-00");
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource(RUNTIMES)
  void sdkDisabledExportsNothingButInstrumentationStillPropagates(JavaRuntime java) {
    String incoming = "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01";
    ProcessResult result =
        AppProcess.run(
            checkout(java, OtlpReceiver.HTTP_PROTOBUF)
                .env("OTEL_SDK_DISABLED", "true")
                .args("1", incoming));

    assertThat(result.exitCode()).as(result.stderr()).isZero();
    assertThat(otlp.requestCount()).isZero();
    // No spans of its own: the client passes the incoming context on unchanged.
    assertThat(result.stdout()).contains("price-saw " + incoming);
    assertThat(result.stderr()).contains("SDK disabled");
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource(RUNTIMES)
  void aCollectorAnswering503IsRetriedUntilItAccepts(JavaRuntime java) {
    otlp.respondWith(503, 2);

    ProcessResult result = AppProcess.run(checkout(java, OtlpReceiver.HTTP_PROTOBUF));

    assertThat(result.exitCode()).as(result.stderr()).isZero();
    assertThat(otlp.awaitSpans(3, WAIT)).hasSize(3);
    assertThat(otlp.requestCount()).isGreaterThanOrEqualTo(3);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource(RUNTIMES)
  void aPartialSuccessIsLoggedAndNotRetried(JavaRuntime java) {
    otlp.respondWithPartialSuccess(1, "span too old", 1);

    ProcessResult result = AppProcess.run(checkout(java, OtlpReceiver.HTTP_PROTOBUF));

    assertThat(result.exitCode()).as(result.stderr()).isZero();
    assertThat(otlp.awaitSpans(3, WAIT)).hasSize(3);
    assertThat(otlp.requestCount()).isEqualTo(1);
    assertThat(result.stderr()).contains("span too old");
  }

  private static AppProcess.Builder checkout(JavaRuntime java, String protocol) {
    return AppProcess.builder(java)
        .mainClass(CheckoutApp.class.getName())
        .withAgent()
        .env(otlp.exporterEnv(protocol))
        .env("OTEL_SERVICE_NAME", "checkout")
        .env("OTEL_BSP_SCHEDULE_DELAY", "100")
        .env("OTEL_METRICS_EXPORTER", "none")
        .env("OTEL_LOGS_EXPORTER", "none");
  }

  private static Span only(List<Span> spans, Span.SpanKind kind, String name) {
    List<Span> matching = new ArrayList<>();
    for (Span span : spans) {
      if (span.getKind() == kind && span.getName().equals(name)) {
        matching.add(span);
      }
    }
    assertThat(matching).as(kind + " " + name + " in " + spans).hasSize(1);
    return matching.get(0);
  }

  private static List<String> attributes(Span span) {
    return attributes(span.getAttributesList());
  }

  private static List<String> attributes(List<KeyValue> keyValues) {
    List<String> out = new ArrayList<>();
    for (KeyValue kv : keyValues) {
      AnyValue value = kv.getValue();
      String text =
          value.hasIntValue()
              ? Long.toString(value.getIntValue())
              : value.hasBoolValue()
                  ? Boolean.toString(value.getBoolValue())
                  : value.hasDoubleValue()
                      ? Double.toString(value.getDoubleValue())
                      : value.getStringValue();
      out.add(kv.getKey() + "=" + text);
    }
    return out;
  }

  private static String hex(ByteString bytes) {
    StringBuilder out = new StringBuilder();
    for (byte b : bytes.toByteArray()) {
      out.append(Character.forDigit((b >> 4) & 0xF, 16)).append(Character.forDigit(b & 0xF, 16));
    }
    return out.toString();
  }
}
