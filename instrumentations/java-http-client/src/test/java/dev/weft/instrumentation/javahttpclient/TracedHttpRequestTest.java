package dev.weft.instrumentation.javahttpclient;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class TracedHttpRequestTest {

  @Test
  void everythingButTheHeadersIsTheOriginals() {
    HttpRequest.BodyPublisher body = HttpRequest.BodyPublishers.ofString("payload");
    HttpRequest original =
        HttpRequest.newBuilder(URI.create("https://example.com/orders"))
            .POST(body)
            .timeout(Duration.ofSeconds(3))
            .version(HttpClient.Version.HTTP_1_1)
            .expectContinue(true)
            .header("Accept", "application/json")
            .header("X-Multi", "1")
            .header("X-Multi", "2")
            .build();

    TracedHttpRequest traced =
        new TracedHttpRequest(original, Map.of("traceparent", List.of("00-abc-def-01")));

    assertThat(traced.original()).isSameAs(original);
    assertThat(traced.method()).isEqualTo("POST");
    assertThat(traced.uri()).isEqualTo(original.uri());
    assertThat(traced.bodyPublisher()).containsSame(body);
    assertThat(traced.timeout()).contains(Duration.ofSeconds(3));
    assertThat(traced.version()).contains(HttpClient.Version.HTTP_1_1);
    assertThat(traced.expectContinue()).isTrue();
    assertThat(traced.toString()).isEqualTo(original.toString());
    assertThat(traced.headers().map())
        .containsEntry("Accept", List.of("application/json"))
        .containsEntry("X-Multi", List.of("1", "2"))
        .containsEntry("traceparent", List.of("00-abc-def-01"));
  }

  @Test
  void anInjectedHeaderReplacesOneOfTheSameNameInAnyCase() {
    HttpRequest original =
        HttpRequest.newBuilder(URI.create("http://example.com/"))
            .header("TraceParent", "stale")
            .build();

    TracedHttpRequest traced =
        new TracedHttpRequest(original, Map.of("traceparent", List.of("fresh")));

    assertThat(traced.headers().allValues("traceparent")).containsExactly("fresh");
    assertThat(traced.headers().map()).hasSize(1);
  }

  @Test
  void injectedHeadersCollectLazily() {
    InjectedHeaders headers = new InjectedHeaders();
    assertThat(headers.isEmpty()).isTrue();
    assertThat(headers.values()).isEmpty();

    InjectedHeaders.SETTER.set(headers, "traceparent", "a");
    InjectedHeaders.SETTER.set(headers, "TRACEPARENT", "b");
    InjectedHeaders.SETTER.set(headers, "baggage", null);

    assertThat(headers.values()).containsOnlyKeys("traceparent");
    assertThat(headers.values().get("traceparent")).containsExactly("b");
  }
}
