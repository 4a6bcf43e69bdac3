package dev.weft.instrumentation.httpurlconnection;

import static dev.weft.core.api.semconv.http.HttpAttributes.ERROR_TYPE;
import static dev.weft.core.api.semconv.http.HttpAttributes.HTTP_REQUEST_METHOD;
import static dev.weft.core.api.semconv.http.HttpAttributes.HTTP_RESPONSE_STATUS_CODE;
import static dev.weft.core.api.semconv.http.HttpAttributes.NETWORK_PROTOCOL_VERSION;
import static dev.weft.core.api.semconv.http.HttpAttributes.SERVER_ADDRESS;
import static dev.weft.core.api.semconv.http.HttpAttributes.SERVER_PORT;
import static dev.weft.core.api.semconv.http.HttpAttributes.URL_FULL;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpServer;
import dev.weft.bootstrap.context.Context;
import dev.weft.bootstrap.context.Scope;
import dev.weft.core.api.Suppression;
import dev.weft.core.api.common.AttributeKey;
import dev.weft.core.api.instrumenter.Instrumenter;
import dev.weft.core.api.semconv.http.HttpClientSemconv;
import dev.weft.core.api.semconv.http.HttpSettings;
import dev.weft.core.api.testing.RecordingTracer;
import dev.weft.core.api.testing.RecordingTracer.RecordedSpan;
import dev.weft.core.api.testing.TestPropagator;
import dev.weft.core.api.trace.Span;
import dev.weft.core.api.trace.SpanKind;
import dev.weft.core.api.trace.StatusCode;
import dev.weft.core.config.ConfigProperties;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.ConnectException;
import java.net.HttpURLConnection;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The advice's logic on real connections against a real server: each test calls the tracker the way
 * the woven JDK methods would, around the real (unwoven) calls.
 */
class ConnectionTrackerTest {

  private final RecordingTracer tracer = RecordingTracer.sampling();
  private final Map<String, String> received = new ConcurrentHashMap<>();
  private ConnectionTracker tracker = tracker(HttpSettings.defaults());
  private HttpServer server;

  @BeforeEach
  void startServer() throws IOException {
    server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    server.createContext(
        "/",
        exchange -> {
          String path = exchange.getRequestURI().getPath();
          received.put(path, exchange.getRequestMethod() + " " + header(exchange));
          exchange.getRequestBody().readAllBytes();
          int status = path.equals("/missing") ? 404 : path.equals("/broken") ? 503 : 200;
          byte[] body = "ok".getBytes(StandardCharsets.UTF_8);
          exchange.getResponseHeaders().add("X-Served-By", "test");
          exchange.sendResponseHeaders(status, body.length);
          exchange.getResponseBody().write(body);
          exchange.close();
        });
    server.start();
  }

  @AfterEach
  void stopServer() {
    server.stop(0);
    assertThat(Context.current()).isSameAs(Context.root());
  }

  @Test
  void getResponseCodeIsOneSpanWithTheHeadersInjectedBeforeSending() throws Exception {
    HttpURLConnection connection = open("/hello?sig=s");

    ConnectionTracker.State state = tracker.enter(connection, false);
    assertThat(Span.current().spanContext()).isEqualTo(state.operation.span().spanContext());
    int code = connection.getResponseCode();
    tracker.exit(state, true, code, null);

    RecordedSpan span = tracer.onlySpan();
    assertThat(received.get("/hello"))
        .isEqualTo("GET " + span.spanContext().traceIdHex() + "-" + span.spanContext().spanIdHex());
    assertThat(span.name()).isEqualTo("GET");
    assertThat(span.kind()).isEqualTo(SpanKind.CLIENT);
    assertThat(span.attributes())
        .containsEntry(HTTP_REQUEST_METHOD, "GET")
        .containsEntry(URL_FULL, "http://127.0.0.1:" + port() + "/hello?sig=REDACTED")
        .containsEntry(SERVER_ADDRESS, "127.0.0.1")
        .containsEntry(SERVER_PORT, (long) port())
        .containsEntry(HTTP_RESPONSE_STATUS_CODE, 200L)
        .containsEntry(NETWORK_PROTOCOL_VERSION, "1.1");
    assertThat(span.endCount()).isEqualTo(1);
  }

  @Test
  void repeatedAndNestedCallsStayOneSpan() throws Exception {
    HttpURLConnection connection = open("/twice");

    ConnectionTracker.State outer = tracker.enter(connection, false); // getInputStream
    ConnectionTracker.State inner = tracker.enter(connection, false); // ... its connect()
    connection.connect();
    tracker.exit(inner, false, 0, null);
    assertThat(tracer.onlySpan().ended()).isFalse();
    try (InputStream in = connection.getInputStream()) {
      in.readAllBytes();
    }
    tracker.exit(outer, true, connection.getResponseCode(), null);
    ConnectionTracker.State again = tracker.enter(connection, true); // getResponseCode later
    tracker.exit(again, true, 200, null);

    assertThat(inner).isSameAs(outer);
    assertThat(again).isNull();
    assertThat(tracer.onlySpan().endCount()).isEqualTo(1);
  }

  @Test
  void postWithABodySpansFromGetOutputStreamToTheResponse() throws Exception {
    HttpURLConnection connection = open("/orders");
    connection.setDoOutput(true);

    ConnectionTracker.State writing = tracker.enter(connection, false); // getOutputStream
    try (OutputStream out = connection.getOutputStream()) {
      tracker.exit(writing, false, 0, null);
      assertThat(Context.current()).isSameAs(Context.root());
      out.write("{}".getBytes(StandardCharsets.UTF_8));
    }
    ConnectionTracker.State reading = tracker.enter(connection, true); // getInputStream
    int code = connection.getResponseCode();
    tracker.exit(reading, true, code, null);

    RecordedSpan span = tracer.onlySpan();
    assertThat(reading).isSameAs(writing);
    assertThat(span.name()).isEqualTo("POST");
    assertThat(received.get("/orders")).startsWith("POST ");
    assertThat(span.endCount()).isEqualTo(1);
  }

  @Test
  void errorStatusesEndTheSpanByCodeEvenThoughTheJdkThrows() throws Exception {
    HttpURLConnection connection = open("/missing");

    ConnectionTracker.State state = tracker.enter(connection, false);
    IOException thrown = null;
    try {
      connection.getInputStream();
    } catch (IOException e) {
      thrown = e;
    }
    tracker.exit(state, true, connection.getResponseCode(), thrown);

    RecordedSpan span = tracer.onlySpan();
    assertThat(thrown).isNotNull();
    assertThat(span.status()).isEqualTo(StatusCode.ERROR);
    assertThat(span.attribute(ERROR_TYPE)).isEqualTo("404");
    assertThat(span.exceptions()).isEmpty();
  }

  @Test
  void aRefusedConnectionIsOneErrorSpanEvenWhenTheAppAsksAgain() throws Exception {
    int closedPort;
    try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      closedPort = socket.getLocalPort();
    }
    HttpURLConnection connection =
        (HttpURLConnection) new URL("http://127.0.0.1:" + closedPort + "/").openConnection();

    ConnectionTracker.State state = tracker.enter(connection, false);
    IOException thrown = null;
    try {
      connection.getInputStream();
    } catch (IOException e) {
      thrown = e;
    }
    tracker.exit(state, true, -1, thrown);
    ConnectionTracker.State retry = tracker.enter(connection, false); // getResponseCode()
    assertThatThrownBy(connection::getResponseCode).isInstanceOf(ConnectException.class);
    tracker.exit(retry, true, -1, thrown);

    RecordedSpan span = tracer.onlySpan();
    assertThat(retry).isNull();
    assertThat(span.attribute(ERROR_TYPE)).isEqualTo("java.net.ConnectException");
    assertThat(span.exceptions()).containsExactly(thrown);
  }

  @Test
  void nothingIsTracedWhenSuppressedInsideAnotherClientOrAlreadyConnected() throws Exception {
    HttpURLConnection suppressedConnection = open("/a");
    HttpURLConnection connectedConnection = open("/b");
    ConnectionTracker.State suppressed;
    try (Scope ignored = Suppression.suppress(Context.root()).makeCurrent()) {
      suppressed = tracker.enter(suppressedConnection, false);
    }
    ConnectionTracker.State connected = tracker.enter(connectedConnection, true);
    ConnectionTracker.State outer = tracker.enter(open("/c"), false);
    ConnectionTracker.State nested = tracker.enter(open("/d"), false);
    tracker.exit(nested, true, 200, null);
    tracker.exit(outer, true, 200, null);

    assertThat(suppressed).isNull();
    assertThat(connected).isNull();
    assertThat(nested).isNull();
    assertThat(tracer.spans()).hasSize(1);
  }

  @Test
  void responseHeadersAreCapturedWithoutASecondRequestOrSpan() throws Exception {
    tracker =
        tracker(
            HttpSettings.from(
                ConfigProperties.create(
                    Map.of(),
                    Map.of(
                        "otel.instrumentation.http.client.capture-response-headers", "X-Served-By"),
                    Map.of())));
    HttpURLConnection connection = open("/headers");

    ConnectionTracker.State state = tracker.enter(connection, false);
    int code = connection.getResponseCode();
    tracker.exit(state, true, code, null);

    assertThat(tracer.onlySpan().attributes())
        .containsEntry(
            AttributeKey.stringArrayKey("http.response.header.x-served-by"), List.of("test"));
  }

  @Test
  void endedConnectionsStayTrackedOnlyWhileReachable() throws Exception {
    for (int i = 0; i < 20; i++) {
      HttpURLConnection connection = open("/gc");
      ConnectionTracker.State state = tracker.enter(connection, false);
      tracker.exit(state, true, connection.getResponseCode(), null);
      connection.disconnect();
    }
    for (int i = 0; i < 50 && tracker.trackedConnections() > 0; i++) {
      System.gc();
      Thread.sleep(20);
    }

    assertThat(tracker.trackedConnections()).isZero();
  }

  private ConnectionTracker tracker(HttpSettings settings) {
    return new ConnectionTracker(
        Instrumenter.<ConnectionRequest, Integer>builder("http-url-connection", SpanKind.CLIENT)
            .semconv(HttpClientSemconv.create(new HttpUrlConnectionGetter(), settings))
            .injectWith(new RequestPropertySetter())
            .tracerProvider(tracer)
            .propagator(new TestPropagator())
            .build());
  }

  private HttpURLConnection open(String path) throws IOException {
    return (HttpURLConnection) new URL("http://127.0.0.1:" + port() + path).openConnection();
  }

  private int port() {
    return server.getAddress().getPort();
  }

  private static String header(com.sun.net.httpserver.HttpExchange exchange) {
    return String.valueOf(exchange.getRequestHeaders().getFirst(TestPropagator.HEADER));
  }
}
