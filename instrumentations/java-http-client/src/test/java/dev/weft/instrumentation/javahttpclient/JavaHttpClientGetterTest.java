package dev.weft.instrumentation.javahttpclient;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import javax.net.ssl.SSLSession;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class JavaHttpClientGetterTest {

  private final JavaHttpClientGetter getter = new JavaHttpClientGetter();

  @ParameterizedTest
  @CsvSource({
    "http://example.com/a, example.com, 80",
    "https://example.com/a, example.com, 443",
    "HTTPS://example.com:8443/a, example.com, 8443",
    "http://[::1]:9000/, ::1, 9000",
    "http://192.0.2.1/, 192.0.2.1, 80",
  })
  void serverAddressAndPortComeFromTheUri(String uri, String address, int port) {
    HttpRequest request = HttpRequest.newBuilder(URI.create(uri)).build();

    assertThat(getter.serverAddress(request)).isEqualTo(address);
    assertThat(getter.serverPort(request)).isEqualTo(port);
    assertThat(getter.urlFull(request)).isEqualTo(uri);
    assertThat(getter.method(request)).isEqualTo("GET");
  }

  @Test
  void readsHeadersStatusAndVersion() {
    HttpRequest request =
        HttpRequest.newBuilder(URI.create("http://example.com/"))
            .header("X-A", "1")
            .header("x-a", "2")
            .DELETE()
            .build();
    HttpResponse<String> response = new FakeResponse(503, HttpClient.Version.HTTP_2);

    assertThat(getter.method(request)).isEqualTo("DELETE");
    assertThat(getter.requestHeader(request, "x-a")).containsExactly("1", "2");
    assertThat(getter.statusCode(request, response, null)).isEqualTo(503);
    assertThat(getter.responseHeader(request, response, "retry-after")).containsExactly("5");
    assertThat(getter.networkProtocolVersion(request, response)).isEqualTo("2");
    assertThat(
            getter.networkProtocolVersion(
                request, new FakeResponse(200, HttpClient.Version.HTTP_1_1)))
        .isEqualTo("1.1");
  }

  @Test
  void withoutResponseThereIsNoStatusVersionOrHeader() {
    HttpRequest request = HttpRequest.newBuilder(URI.create("http://example.com/")).build();

    assertThat(getter.statusCode(request, null, new RuntimeException())).isZero();
    assertThat(getter.networkProtocolVersion(request, null)).isNull();
    assertThat(getter.responseHeader(request, null, "x")).isEmpty();
  }

  @Test
  void completionWrappersAreUnwrapped() {
    IllegalStateException cause = new IllegalStateException();

    assertThat(EndOnCompletion.unwrap(new CompletionException(cause))).isSameAs(cause);
    assertThat(EndOnCompletion.unwrap(new ExecutionException(new CompletionException(cause))))
        .isSameAs(cause);
    assertThat(EndOnCompletion.unwrap(new CancellationException()))
        .isInstanceOf(CancellationException.class);
    assertThat(EndOnCompletion.unwrap(null)).isNull();
  }

  private static final class FakeResponse implements HttpResponse<String> {
    private final int status;
    private final HttpClient.Version version;

    FakeResponse(int status, HttpClient.Version version) {
      this.status = status;
      this.version = version;
    }

    @Override
    public int statusCode() {
      return status;
    }

    @Override
    public HttpRequest request() {
      return null;
    }

    @Override
    public Optional<HttpResponse<String>> previousResponse() {
      return Optional.empty();
    }

    @Override
    public HttpHeaders headers() {
      return HttpHeaders.of(Map.of("Retry-After", List.of("5")), (a, b) -> true);
    }

    @Override
    public String body() {
      return "";
    }

    @Override
    public Optional<SSLSession> sslSession() {
      return Optional.empty();
    }

    @Override
    public URI uri() {
      return URI.create("http://example.com/");
    }

    @Override
    public HttpClient.Version version() {
      return version;
    }
  }
}
