package dev.weft.core.api.semconv.http;

import static org.assertj.core.api.Assertions.assertThat;

import dev.weft.core.config.ConfigProperties;
import java.util.Map;
import org.junit.jupiter.api.Test;

class HttpSettingsTest {

  @Test
  void defaultsAreTheOpenTelemetryAgents() {
    HttpSettings settings =
        HttpSettings.from(ConfigProperties.create(Map.of(), Map.of(), Map.of()));

    assertThat(settings.knownMethods())
        .containsExactly(
            "CONNECT", "DELETE", "GET", "HEAD", "OPTIONS", "PATCH", "POST", "PUT", "TRACE");
    assertThat(settings.sensitiveQueryParameters)
        .containsExactly(
            "AWSAccessKeyId",
            "Signature",
            "X-Amz-Signature",
            "X-Amz-Credential",
            "X-Amz-Security-Token",
            "sig",
            "X-Goog-Signature");
    assertThat(settings.serverRequestHeaders.isEmpty()).isTrue();
    assertThat(settings.clientResponseHeaders.isEmpty()).isTrue();
  }

  @Test
  void configuredListsReplaceTheDefaults() {
    HttpSettings settings =
        HttpSettings.from(
            ConfigProperties.create(
                Map.of(),
                Map.of("otel.instrumentation.http.known-methods", "GET, QUERY"),
                Map.of(
                    "OTEL_INSTRUMENTATION_SANITIZATION_URL_EXPERIMENTAL_SENSITIVE_QUERY_PARAMETERS",
                    "token")));

    assertThat(settings.knownMethods()).containsExactly("GET", "QUERY");
    assertThat(settings.sensitiveQueryParameters).containsExactly("token");
  }

  @Test
  void capturedHeaderNamesAreTrimmedLowerCasedAndDeduplicated() {
    HttpSettings settings =
        HttpSettings.from(
            ConfigProperties.create(
                Map.of(),
                Map.of(
                    "otel.instrumentation.http.server.capture-request-headers",
                    " X-Request-Id ,x-request-id,Accept,,"),
                Map.of()));

    CapturedHeaders headers = settings.serverRequestHeaders;
    assertThat(headers.size()).isEqualTo(2);
    assertThat(headers.name(0)).isEqualTo("x-request-id");
    assertThat(headers.name(1)).isEqualTo("accept");
    assertThat(settings.toString()).contains("x-request-id");
  }
}
