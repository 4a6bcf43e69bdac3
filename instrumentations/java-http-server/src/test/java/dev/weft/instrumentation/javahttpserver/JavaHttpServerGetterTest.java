package dev.weft.instrumentation.javahttpserver;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.Headers;
import com.sun.net.httpserver.HttpContext;
import com.sun.net.httpserver.HttpPrincipal;
import com.sun.net.httpserver.HttpServer;
import com.sun.net.httpserver.HttpsExchange;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.HttpURLConnection;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URL;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.SSLSession;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class JavaHttpServerGetterTest {

  private final JavaHttpServerGetter getter = new JavaHttpServerGetter();
  private final Map<String, Object> seen = new ConcurrentHashMap<>();
  // The client may read the response before the handler has recorded what it saw after sending.
  private final CountDownLatch handled = new CountDownLatch(1);
  private HttpServer server;

  @BeforeEach
  void startServer() throws Exception {
    server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    server.createContext(
        "/api",
        exchange -> {
          seen.put("method", getter.method(exchange));
          seen.put("scheme", getter.urlScheme(exchange));
          seen.put("path", getter.urlPath(exchange));
          seen.put("query", getter.urlQuery(exchange));
          seen.put("route", getter.route(exchange));
          seen.put("requestHeader", getter.requestHeader(exchange, "x-req"));
          seen.put("missingHeader", getter.requestHeader(exchange, "x-none"));
          seen.put("traceHeader", String.valueOf(new ExchangeHeaders().get(exchange, "X-TEST")));
          seen.put("statusBefore", getter.statusCode(exchange, exchange, null));
          seen.put("peerAddress", getter.networkPeerAddress(exchange));
          seen.put("peerPort", getter.networkPeerPort(exchange));
          seen.put("version", getter.networkProtocolVersion(exchange, exchange));
          exchange.getResponseHeaders().add("X-Resp", "r1");
          exchange.sendResponseHeaders(201, -1);
          seen.put("statusAfter", getter.statusCode(exchange, exchange, null));
          seen.put("responseHeader", getter.responseHeader(exchange, exchange, "x-resp"));
          exchange.close();
          handled.countDown();
        });
    server.start();
  }

  @AfterEach
  void stopServer() {
    server.stop(0);
  }

  @Test
  void readsARealExchange() throws Exception {
    int port = server.getAddress().getPort();
    URL url = new URL("http://127.0.0.1:" + port + "/api/items%20x?q=a%20b&sig=1");
    HttpURLConnection connection = (HttpURLConnection) url.openConnection();
    connection.setRequestMethod("POST");
    connection.setRequestProperty("X-Req", "a");
    connection.setRequestProperty("x-test", "t");

    assertThat(connection.getResponseCode()).isEqualTo(201);
    connection.disconnect();

    assertThat(handled.await(10, TimeUnit.SECONDS)).isTrue();
    assertThat(seen)
        .containsEntry("method", "POST")
        .containsEntry("scheme", "http")
        .containsEntry("path", "/api/items%20x")
        .containsEntry("query", "q=a%20b&sig=1")
        .containsEntry("route", "/api")
        .containsEntry("requestHeader", List.of("a"))
        .containsEntry("missingHeader", List.of())
        .containsEntry("traceHeader", "t")
        .containsEntry("statusBefore", 0)
        .containsEntry("statusAfter", 201)
        .containsEntry("responseHeader", List.of("r1"))
        .containsEntry("peerAddress", "127.0.0.1")
        .containsEntry("version", "1.1");
    assertThat((Integer) seen.get("peerPort")).isPositive();
  }

  @Test
  void httpsExchangesAreHttpsAndMissingPartsAreNull() {
    HttpsExchange bare = new BareExchange();

    assertThat(getter.urlScheme(bare)).isEqualTo("https");
    assertThat(getter.urlPath(bare)).isNull();
    assertThat(getter.urlQuery(bare)).isNull();
    assertThat(getter.route(bare)).isNull();
    assertThat(getter.networkPeerAddress(bare)).isNull();
    assertThat(getter.networkPeerPort(bare)).isZero();
    assertThat(getter.statusCode(bare, bare, null)).isZero();
    assertThat(getter.statusCode(bare, null, null)).isZero();
    assertThat(getter.responseHeader(bare, null, "x")).isEmpty();
    assertThat(getter.networkProtocolVersion(bare, bare)).isNull();
  }

  @ParameterizedTest
  @CsvSource(
      nullValues = "null",
      value = {
        "HTTP/1.1, 1.1",
        "HTTP/1.0, 1.0",
        "http/1.1, 1.1",
        "HTTP/2, 2",
        "HTTP/, null",
        "x, null"
      })
  void protocolVersions(String protocol, String expected) {
    assertThat(JavaHttpServerGetter.protocolVersion(protocol)).isEqualTo(expected);
  }

  /** An exchange that knows nothing, as a broken or foreign implementation might. */
  private static final class BareExchange extends HttpsExchange {
    private final Headers headers = new Headers();

    @Override
    public SSLSession getSSLSession() {
      return null;
    }

    @Override
    public Headers getRequestHeaders() {
      return headers;
    }

    @Override
    public Headers getResponseHeaders() {
      return headers;
    }

    @Override
    public URI getRequestURI() {
      return null;
    }

    @Override
    public String getRequestMethod() {
      return null;
    }

    @Override
    public HttpContext getHttpContext() {
      return null;
    }

    @Override
    public void close() {}

    @Override
    public InputStream getRequestBody() {
      return InputStream.nullInputStream();
    }

    @Override
    public OutputStream getResponseBody() {
      return OutputStream.nullOutputStream();
    }

    @Override
    public void sendResponseHeaders(int rCode, long responseLength) {}

    @Override
    public InetSocketAddress getRemoteAddress() {
      return null;
    }

    @Override
    public int getResponseCode() {
      return -1;
    }

    @Override
    public InetSocketAddress getLocalAddress() {
      return null;
    }

    @Override
    public String getProtocol() {
      return null;
    }

    @Override
    public Object getAttribute(String name) {
      return null;
    }

    @Override
    public void setAttribute(String name, Object value) {}

    @Override
    public void setStreams(InputStream i, OutputStream o) {}

    @Override
    public HttpPrincipal getPrincipal() {
      return null;
    }
  }
}
