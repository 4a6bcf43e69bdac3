package dev.weft.instrumentation.javahttpclient;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.BiPredicate;

/**
 * The application's request plus the trace headers: every property is the original's, only the
 * headers differ (an injected header replaces one of the same name). The client copies what it
 * needs from this on the way in, as it does from any request.
 */
final class TracedHttpRequest extends HttpRequest {

  private static final BiPredicate<String, String> ALL = (name, value) -> true;

  private final HttpRequest original;
  private final HttpHeaders headers;

  TracedHttpRequest(HttpRequest original, Map<String, List<String>> injected) {
    this.original = original;
    Map<String, List<String>> merged = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
    merged.putAll(original.headers().map());
    merged.putAll(injected);
    this.headers = HttpHeaders.of(merged, ALL);
  }

  /** The request the application built. */
  HttpRequest original() {
    return original;
  }

  @Override
  public Optional<BodyPublisher> bodyPublisher() {
    return original.bodyPublisher();
  }

  @Override
  public String method() {
    return original.method();
  }

  @Override
  public Optional<Duration> timeout() {
    return original.timeout();
  }

  @Override
  public boolean expectContinue() {
    return original.expectContinue();
  }

  @Override
  public URI uri() {
    return original.uri();
  }

  @Override
  public Optional<HttpClient.Version> version() {
    return original.version();
  }

  @Override
  public HttpHeaders headers() {
    return headers;
  }

  @Override
  public String toString() {
    return original.toString();
  }
}
