package dev.weft.instrumentation.httpurlconnection;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.HttpURLConnection;
import java.net.URL;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class HttpUrlConnectionGetterTest {

  private final HttpUrlConnectionGetter getter = new HttpUrlConnectionGetter();

  @ParameterizedTest
  @CsvSource({
    "http://example.com/a, example.com, 80",
    "https://example.com/a, example.com, 443",
    "http://example.com:8080/a, example.com, 8080",
    "http://[::1]:9000/x, ::1, 9000",
    "https://user:pw@example.com/, example.com, 443",
  })
  void addressAndPortComeFromTheUrl(String url, String address, int port) throws Exception {
    HttpURLConnection connection = (HttpURLConnection) new URL(url).openConnection();

    assertThat(getter.serverAddress(new ConnectionRequest(connection))).isEqualTo(address);
    assertThat(getter.serverPort(new ConnectionRequest(connection))).isEqualTo(port);
    assertThat(getter.urlFull(new ConnectionRequest(connection))).isEqualTo(url);
  }

  @Test
  void methodIsWhatTheJdkWillSend() throws Exception {
    HttpURLConnection get = open();
    HttpURLConnection post = open();
    post.setDoOutput(true);
    HttpURLConnection put = open();
    put.setRequestMethod("PUT");
    put.setDoOutput(true);

    assertThat(getter.method(new ConnectionRequest(get))).isEqualTo("GET");
    assertThat(getter.method(new ConnectionRequest(post))).isEqualTo("POST");
    assertThat(getter.method(new ConnectionRequest(put))).isEqualTo("PUT");
  }

  @Test
  void requestHeadersStatusAndVersion() throws Exception {
    HttpURLConnection open = open();
    open.setRequestProperty("X-Api-Version", "3");
    ConnectionRequest connection = new ConnectionRequest(open);

    assertThat(getter.requestHeader(connection, "x-api-version")).containsExactly("3");
    assertThat(getter.requestHeader(connection, "x-none")).isEmpty();
    assertThat(getter.statusCode(connection, 201, null)).isEqualTo(201);
    assertThat(getter.statusCode(connection, null, null)).isZero();
    assertThat(getter.statusCode(connection, -1, null)).isZero();
    assertThat(getter.networkProtocolVersion(connection, 200)).isEqualTo("1.1");
    assertThat(getter.networkProtocolVersion(connection, null)).isNull();
    assertThat(getter.responseHeader(connection, null, "x")).isEmpty();
  }

  @Test
  void aCollectedConnectionAnswersNothing() {
    ConnectionRequest gone = new ConnectionRequest(null);

    assertThat(getter.method(gone)).isNull();
    assertThat(getter.urlFull(gone)).isNull();
    assertThat(getter.serverAddress(gone)).isNull();
    assertThat(getter.serverPort(gone)).isZero();
    assertThat(getter.requestHeader(gone, "x")).isEmpty();
    assertThat(getter.responseHeader(gone, 200, "x")).isEmpty();
  }

  @Test
  void injectionIntoAConnectedConnectionIsDropped() throws Exception {
    HttpURLConnection connection =
        new HttpURLConnection(new URL("http://example.com/")) {
          @Override
          public void setRequestProperty(String key, String value) {
            throw new IllegalStateException("Already connected");
          }

          @Override
          public void disconnect() {}

          @Override
          public boolean usingProxy() {
            return false;
          }

          @Override
          public void connect() {}
        };

    new RequestPropertySetter().set(new ConnectionRequest(connection), "traceparent", "x");
    new RequestPropertySetter().set(new ConnectionRequest(null), "traceparent", "x");
  }

  private static HttpURLConnection open() throws Exception {
    return (HttpURLConnection) new URL("http://example.com/").openConnection();
  }
}
