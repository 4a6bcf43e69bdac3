package dev.weft.core.api.semconv.http;

import static dev.weft.core.api.semconv.http.HttpAttributes.ERROR_TYPE;
import static dev.weft.core.api.semconv.http.HttpAttributes.HTTP_REQUEST_METHOD;
import static dev.weft.core.api.semconv.http.HttpAttributes.HTTP_REQUEST_METHOD_ORIGINAL;
import static dev.weft.core.api.semconv.http.HttpAttributes.HTTP_RESPONSE_STATUS_CODE;
import static dev.weft.core.api.semconv.http.HttpAttributes.NETWORK_PEER_ADDRESS;
import static dev.weft.core.api.semconv.http.HttpAttributes.NETWORK_PEER_PORT;
import static dev.weft.core.api.semconv.http.HttpAttributes.NETWORK_PROTOCOL_VERSION;
import static dev.weft.core.api.semconv.http.HttpAttributes.SERVER_ADDRESS;
import static dev.weft.core.api.semconv.http.HttpAttributes.SERVER_PORT;
import static dev.weft.core.api.semconv.http.HttpAttributes.URL_FULL;
import static org.assertj.core.api.Assertions.assertThat;

import dev.weft.bootstrap.context.Context;
import dev.weft.core.api.common.AttributeKey;
import dev.weft.core.api.instrumenter.Instrumenter;
import dev.weft.core.api.propagation.Propagators;
import dev.weft.core.api.semconv.http.FakeHttp.Request;
import dev.weft.core.api.semconv.http.FakeHttp.Response;
import dev.weft.core.api.testing.RecordingTracer;
import dev.weft.core.api.testing.RecordingTracer.RecordedSpan;
import dev.weft.core.api.trace.SpanKind;
import dev.weft.core.api.trace.StatusCode;
import dev.weft.core.config.ConfigProperties;
import java.net.ConnectException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class HttpClientSemconvTest {

  @Test
  void typicalCallGetsExactlyTheStableAttributes() {
    Response response = new Response(200);
    response.version = "2";

    RecordedSpan span = run(HttpSettings.defaults(), request(), response, null);

    assertThat(span.name()).isEqualTo("GET");
    assertThat(span.kind()).isEqualTo(SpanKind.CLIENT);
    Map<AttributeKey<?>, Object> expected = new LinkedHashMap<>();
    expected.put(HTTP_REQUEST_METHOD, "GET");
    expected.put(URL_FULL, "https://api.example.com/v1/items?limit=5");
    expected.put(SERVER_ADDRESS, "api.example.com");
    expected.put(SERVER_PORT, 443L);
    expected.put(NETWORK_PROTOCOL_VERSION, "2");
    expected.put(NETWORK_PEER_ADDRESS, "198.51.100.4");
    expected.put(NETWORK_PEER_PORT, 443L);
    expected.put(HTTP_RESPONSE_STATUS_CODE, 200L);
    assertThat(span.attributes()).containsExactlyInAnyOrderEntriesOf(expected);
    assertThat(span.startAttributes())
        .containsOnlyKeys(HTTP_REQUEST_METHOD, URL_FULL, SERVER_ADDRESS, SERVER_PORT);
    assertThat(span.status()).isEqualTo(StatusCode.UNSET);
  }

  @Test
  void credentialsAndSensitiveQueryValuesAreRedacted() {
    Request request = request();
    request.url =
        "https://alice:s3cret@api.example.com/v1/items?X-Amz-Signature=abc&limit=5&sig=zz#top";

    RecordedSpan span = run(HttpSettings.defaults(), request, new Response(200), null);

    assertThat(span.attribute(URL_FULL))
        .isEqualTo(
            "https://REDACTED:REDACTED@api.example.com/v1/items"
                + "?X-Amz-Signature=REDACTED&limit=5&sig=REDACTED#top");
  }

  @Test
  void configuredSensitiveParametersReplaceTheDefaults() {
    HttpSettings settings =
        HttpServerSemconvTest.settings(
            "otel.instrumentation.sanitization.url.experimental.sensitive-query-parameters",
            "token");
    Request request = request();
    request.url = "http://h/p?token=t&sig=s";

    RecordedSpan span = run(settings, request, new Response(200), null);

    assertThat(span.attribute(URL_FULL)).isEqualTo("http://h/p?token=REDACTED&sig=s");
  }

  @ParameterizedTest
  @CsvSource({
    "200, UNSET, ",
    "301, UNSET, ",
    "400, ERROR, 400",
    "404, ERROR, 404",
    "500, ERROR, 500",
    "599, ERROR, 599"
  })
  void fourAndFiveHundredsAreErrorsOnTheClient(int status, StatusCode expected, String type) {
    RecordedSpan span = run(HttpSettings.defaults(), request(), new Response(status), null);

    assertThat(span.status()).isEqualTo(expected);
    assertThat(span.attribute(ERROR_TYPE)).isEqualTo(type);
    assertThat(span.attribute(HTTP_RESPONSE_STATUS_CODE)).isEqualTo((long) status);
  }

  @Test
  void aNetworkFailureIsAnErrorNamedByItsExceptionClass() {
    ConnectException error = new ConnectException("Connection refused");

    RecordedSpan span = run(HttpSettings.defaults(), request(), null, error);

    assertThat(span.status()).isEqualTo(StatusCode.ERROR);
    assertThat(span.attribute(ERROR_TYPE)).isEqualTo("java.net.ConnectException");
    assertThat(span.exceptions()).containsExactly(error);
    assertThat(span.attributes())
        .doesNotContainKeys(HTTP_RESPONSE_STATUS_CODE, NETWORK_PROTOCOL_VERSION);
  }

  @Test
  void unknownMethodIsOtherAndTheNameIsHttp() {
    Request request = request();
    request.method = "PROPFIND";

    RecordedSpan span = run(HttpSettings.defaults(), request, new Response(207), null);

    assertThat(span.name()).isEqualTo("HTTP");
    assertThat(span.attributes())
        .containsEntry(HTTP_REQUEST_METHOD, "_OTHER")
        .containsEntry(HTTP_REQUEST_METHOD_ORIGINAL, "PROPFIND");
  }

  @Test
  void configuredHeadersAreCaptured() {
    ConfigProperties config =
        ConfigProperties.create(
            Map.of(),
            Map.of(),
            Map.of(
                "OTEL_INSTRUMENTATION_HTTP_CLIENT_CAPTURE_REQUEST_HEADERS", "x-api-version",
                "OTEL_INSTRUMENTATION_HTTP_CLIENT_CAPTURE_RESPONSE_HEADERS",
                    "X-RateLimit-Remaining"));
    Request request = request().header("X-Api-Version", "3");
    Response response = new Response(200).header("X-RateLimit-Remaining", "41");

    RecordedSpan span = run(HttpSettings.from(config), request, response, null);

    assertThat(span.startAttributes())
        .containsEntry(
            AttributeKey.stringArrayKey("http.request.header.x-api-version"), List.of("3"));
    assertThat(span.attributes())
        .containsEntry(
            AttributeKey.stringArrayKey("http.response.header.x-ratelimit-remaining"),
            List.of("41"));
  }

  @Test
  void capturedValuesAreCopiedNotShared() {
    ConfigProperties config =
        ConfigProperties.create(
            Map.of(),
            Map.of("otel.instrumentation.http.client.capture-request-headers", "x-a"),
            Map.of());
    Request request = request().header("x-a", "1");

    RecordedSpan span = run(HttpSettings.from(config), request, new Response(200), null);
    request.headers.get("x-a").add("2");

    assertThat(span.attribute(AttributeKey.stringArrayKey("http.request.header.x-a")))
        .containsExactly("1");
  }

  private static Request request() {
    Request request = new Request();
    request.url = "https://api.example.com/v1/items?limit=5";
    request.host = "api.example.com";
    request.port = 443;
    request.peerAddress = "198.51.100.4";
    request.peerPort = 443;
    return request;
  }

  private static RecordedSpan run(
      HttpSettings settings, Request request, Response response, Throwable error) {
    RecordingTracer tracer = RecordingTracer.sampling();
    Instrumenter<Request, Response> instrumenter =
        Instrumenter.<Request, Response>builder("test-http-client", SpanKind.CLIENT)
            .semconv(HttpClientSemconv.create(new FakeHttp.ClientGetter(), settings))
            .tracerProvider(tracer)
            .propagator(Propagators.noop())
            .build();
    instrumenter.start(Context.root(), request).end(response, error);
    return tracer.onlySpan();
  }
}
