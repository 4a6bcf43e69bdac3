package dev.weft.core.api.semconv.http;

import static dev.weft.core.api.semconv.http.HttpAttributes.CLIENT_ADDRESS;
import static dev.weft.core.api.semconv.http.HttpAttributes.ERROR_TYPE;
import static dev.weft.core.api.semconv.http.HttpAttributes.HTTP_REQUEST_METHOD;
import static dev.weft.core.api.semconv.http.HttpAttributes.HTTP_REQUEST_METHOD_ORIGINAL;
import static dev.weft.core.api.semconv.http.HttpAttributes.HTTP_RESPONSE_STATUS_CODE;
import static dev.weft.core.api.semconv.http.HttpAttributes.HTTP_ROUTE;
import static dev.weft.core.api.semconv.http.HttpAttributes.NETWORK_PEER_ADDRESS;
import static dev.weft.core.api.semconv.http.HttpAttributes.NETWORK_PEER_PORT;
import static dev.weft.core.api.semconv.http.HttpAttributes.NETWORK_PROTOCOL_VERSION;
import static dev.weft.core.api.semconv.http.HttpAttributes.SERVER_ADDRESS;
import static dev.weft.core.api.semconv.http.HttpAttributes.SERVER_PORT;
import static dev.weft.core.api.semconv.http.HttpAttributes.URL_PATH;
import static dev.weft.core.api.semconv.http.HttpAttributes.URL_QUERY;
import static dev.weft.core.api.semconv.http.HttpAttributes.URL_SCHEME;
import static dev.weft.core.api.semconv.http.HttpAttributes.USER_AGENT_ORIGINAL;
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
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class HttpServerSemconvTest {

  @Test
  void typicalRequestGetsExactlyTheStableAttributes() {
    Request request = request();
    Response response = new Response(200);
    response.version = "1.1";

    RecordedSpan span = run(HttpSettings.defaults(), request, response, null);

    assertThat(span.name()).isEqualTo("GET /users/{id}");
    assertThat(span.kind()).isEqualTo(SpanKind.SERVER);
    Map<AttributeKey<?>, Object> expected = new LinkedHashMap<>();
    expected.put(HTTP_REQUEST_METHOD, "GET");
    expected.put(URL_SCHEME, "http");
    expected.put(URL_PATH, "/users/42");
    expected.put(URL_QUERY, "details=true");
    expected.put(HTTP_ROUTE, "/users/{id}");
    expected.put(SERVER_ADDRESS, "shop.example");
    expected.put(SERVER_PORT, 8080L);
    expected.put(NETWORK_PEER_ADDRESS, "192.0.2.10");
    expected.put(NETWORK_PEER_PORT, 51234L);
    expected.put(CLIENT_ADDRESS, "192.0.2.10");
    expected.put(USER_AGENT_ORIGINAL, "curl/8.5.0");
    expected.put(NETWORK_PROTOCOL_VERSION, "1.1");
    expected.put(HTTP_RESPONSE_STATUS_CODE, 200L);
    assertThat(span.attributes()).containsExactlyInAnyOrderEntriesOf(expected);
    assertThat(span.status()).isEqualTo(StatusCode.UNSET);
  }

  @Test
  void requestAttributesAreSetAtStartWhereTheSamplerSeesThem() {
    RecordedSpan span = run(HttpSettings.defaults(), request(), new Response(200), null);

    assertThat(span.startAttributes())
        .containsKeys(
            HTTP_REQUEST_METHOD,
            URL_SCHEME,
            URL_PATH,
            URL_QUERY,
            HTTP_ROUTE,
            SERVER_ADDRESS,
            SERVER_PORT,
            CLIENT_ADDRESS,
            NETWORK_PEER_ADDRESS,
            USER_AGENT_ORIGINAL)
        .doesNotContainKeys(HTTP_RESPONSE_STATUS_CODE, ERROR_TYPE);
  }

  @Test
  void withoutRouteTheNameIsTheMethodAlone() {
    Request request = request();
    request.route = null;

    RecordedSpan span = run(HttpSettings.defaults(), request, new Response(200), null);

    assertThat(span.name()).isEqualTo("GET");
    assertThat(span.attributes()).doesNotContainKey(HTTP_ROUTE);
  }

  @ParameterizedTest
  @CsvSource({"PURGE, HTTP /users/{id}", "get, HTTP /users/{id}", "Post, HTTP /users/{id}"})
  void unknownMethodsAreOtherAndKeepTheOriginal(String method, String name) {
    Request request = request();
    request.method = method;

    RecordedSpan span = run(HttpSettings.defaults(), request, new Response(200), null);

    assertThat(span.name()).isEqualTo(name);
    assertThat(span.attributes())
        .containsEntry(HTTP_REQUEST_METHOD, "_OTHER")
        .containsEntry(HTTP_REQUEST_METHOD_ORIGINAL, method);
  }

  @Test
  void knownMethodsComeFromConfigurationAndReplaceTheDefaults() {
    HttpSettings settings = settings("otel.instrumentation.http.known-methods", "GET,PURGE");
    Request purge = request();
    purge.method = "PURGE";
    Request post = request();
    post.method = "POST";

    RecordedSpan purgeSpan = run(settings, purge, new Response(200), null);
    RecordedSpan postSpan = run(settings, post, new Response(200), null);

    assertThat(purgeSpan.name()).isEqualTo("PURGE /users/{id}");
    assertThat(purgeSpan.attributes())
        .containsEntry(HTTP_REQUEST_METHOD, "PURGE")
        .doesNotContainKey(HTTP_REQUEST_METHOD_ORIGINAL);
    assertThat(postSpan.attributes()).containsEntry(HTTP_REQUEST_METHOD, "_OTHER");
  }

  @ParameterizedTest
  @CsvSource({
    "200, UNSET, ",
    "302, UNSET, ",
    "404, UNSET, ",
    "499, UNSET, ",
    "500, ERROR, 500",
    "503, ERROR, 503",
    "99, ERROR, 99",
    "600, ERROR, 600"
  })
  void fiveHundredsAreErrorsOnTheServerFourHundredsAreNot(
      int status, StatusCode expected, String errorType) {
    RecordedSpan span = run(HttpSettings.defaults(), request(), new Response(status), null);

    assertThat(span.status()).isEqualTo(expected);
    assertThat(span.statusDescription()).isNull();
    assertThat(span.attribute(ERROR_TYPE)).isEqualTo(errorType);
    assertThat(span.attribute(HTTP_RESPONSE_STATUS_CODE)).isEqualTo((long) status);
  }

  @Test
  void anExceptionWithoutAnErrorStatusNamesItsClass() {
    IOException error = new IOException("broken pipe");

    RecordedSpan withoutResponse = run(HttpSettings.defaults(), request(), null, error);
    RecordedSpan after404 = run(HttpSettings.defaults(), request(), new Response(404), error);
    RecordedSpan after503 = run(HttpSettings.defaults(), request(), new Response(503), error);

    assertThat(withoutResponse.status()).isEqualTo(StatusCode.ERROR);
    assertThat(withoutResponse.attribute(ERROR_TYPE)).isEqualTo("java.io.IOException");
    assertThat(withoutResponse.attributes()).doesNotContainKey(HTTP_RESPONSE_STATUS_CODE);
    assertThat(withoutResponse.exceptions()).containsExactly(error);
    assertThat(after404.attribute(ERROR_TYPE)).isEqualTo("java.io.IOException");
    assertThat(after503.attribute(ERROR_TYPE)).isEqualTo("503");
  }

  @Test
  void sensitiveQueryValuesAreRedacted() {
    Request request = request();
    request.query = "a=1&sig=secret&X-Amz-Signature=x&b=2";

    RecordedSpan span = run(HttpSettings.defaults(), request, new Response(200), null);

    assertThat(span.attribute(URL_QUERY))
        .isEqualTo("a=1&sig=REDACTED&X-Amz-Signature=REDACTED&b=2");
  }

  @Test
  void emptyQueryIsLeftOut() {
    Request request = request();
    request.query = "";

    assertThat(run(HttpSettings.defaults(), request, new Response(200), null).attributes())
        .doesNotContainKey(URL_QUERY);
  }

  @Test
  void forwardedHeaderWinsForClientSchemeAndHost() {
    Request request = request();
    request.header(
        "Forwarded",
        "for=\"[2001:db8:cafe::17]:4711\";proto=https;host=\"shop.example:8443\", for=10.0.0.2");
    request.header("X-Forwarded-For", "203.0.113.9");

    RecordedSpan span = run(HttpSettings.defaults(), request, new Response(200), null);

    assertThat(span.attributes())
        .containsEntry(CLIENT_ADDRESS, "2001:db8:cafe::17")
        .containsEntry(URL_SCHEME, "https")
        .containsEntry(SERVER_ADDRESS, "shop.example")
        .containsEntry(SERVER_PORT, 8443L)
        .containsEntry(NETWORK_PEER_ADDRESS, "192.0.2.10");
  }

  @Test
  void xForwardedHeadersAreUsedWhenThereIsNoForwarded() {
    Request request = request();
    request.header("X-Forwarded-For", "203.0.113.7, 10.0.0.1");
    request.header("X-Forwarded-Proto", "https");
    request.header("X-Forwarded-Host", "api.example");

    RecordedSpan span = run(HttpSettings.defaults(), request, new Response(200), null);

    assertThat(span.attributes())
        .containsEntry(CLIENT_ADDRESS, "203.0.113.7")
        .containsEntry(URL_SCHEME, "https")
        .containsEntry(SERVER_ADDRESS, "api.example")
        .containsEntry(SERVER_PORT, 443L);
  }

  @Test
  void hostWithoutPortGetsTheSchemesDefaultAndNoHostMeansNoServerAddress() {
    Request withHost = request();
    withHost.headers.put("host", List.of("[::1]"));
    Request withoutHost = request();
    withoutHost.headers.remove("host");

    RecordedSpan hostSpan = run(HttpSettings.defaults(), withHost, new Response(200), null);
    RecordedSpan noHostSpan = run(HttpSettings.defaults(), withoutHost, new Response(200), null);

    assertThat(hostSpan.attributes())
        .containsEntry(SERVER_ADDRESS, "::1")
        .containsEntry(SERVER_PORT, 80L);
    assertThat(noHostSpan.attributes()).doesNotContainKeys(SERVER_ADDRESS, SERVER_PORT);
  }

  @Test
  void configuredHeadersAreCapturedAsLowerCaseStringArrays() {
    ConfigProperties config =
        ConfigProperties.create(
            Map.of(),
            Map.of(
                "otel.instrumentation.http.server.capture-request-headers", "X-Request-Id, Accept",
                "otel.instrumentation.http.server.capture-response-headers", "Content-Type"),
            Map.of());
    Request request = request().header("X-Request-Id", "a", "b");
    Response response = new Response(200).header("Content-Type", "text/plain");

    RecordedSpan span = run(HttpSettings.from(config), request, response, null);

    assertThat(span.startAttributes())
        .containsEntry(
            AttributeKey.stringArrayKey("http.request.header.x-request-id"), List.of("a", "b"))
        .doesNotContainKey(AttributeKey.stringArrayKey("http.request.header.accept"));
    assertThat(span.attributes())
        .containsEntry(
            AttributeKey.stringArrayKey("http.response.header.content-type"),
            List.of("text/plain"));
  }

  @Test
  void missingValuesAreLeftOutNotSetToNull() {
    Request bare = new Request();
    bare.method = null;
    bare.scheme = null;
    bare.path = null;

    RecordedSpan span = run(HttpSettings.defaults(), bare, null, null);

    assertThat(span.name()).isEqualTo("HTTP");
    assertThat(span.attributes()).isEmpty();
    assertThat(span.status()).isEqualTo(StatusCode.UNSET);
  }

  static Request request() {
    Request request = new Request();
    request.path = "/users/42";
    request.query = "details=true";
    request.route = "/users/{id}";
    request.peerAddress = "192.0.2.10";
    request.peerPort = 51234;
    request.header("Host", "shop.example:8080");
    request.header("User-Agent", "curl/8.5.0");
    return request;
  }

  static HttpSettings settings(String key, String value) {
    return HttpSettings.from(ConfigProperties.create(Map.of(), Map.of(key, value), Map.of()));
  }

  private static RecordedSpan run(
      HttpSettings settings, Request request, Response response, Throwable error) {
    RecordingTracer tracer = RecordingTracer.sampling();
    Instrumenter<Request, Response> instrumenter =
        Instrumenter.<Request, Response>builder("test-http-server", SpanKind.SERVER)
            .semconv(HttpServerSemconv.create(new FakeHttp.ServerGetter(), settings))
            .tracerProvider(tracer)
            .propagator(Propagators.noop())
            .build();
    instrumenter.start(Context.root(), request).end(response, error);
    return tracer.onlySpan();
  }
}
