package dev.weft.sdk.export.otlp;

import static dev.weft.sdk.export.otlp.TestConfigs.otlp;
import static dev.weft.sdk.export.otlp.TestConfigs.resource;
import static org.assertj.core.api.Assertions.assertThat;

import dev.weft.core.config.AgentSettings;
import dev.weft.core.config.ConfigProperties;
import dev.weft.sdk.export.otlp.TestConfigs.LogCapture;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The endpoint and option rules of the OTLP exporter section of CONFIG.md. */
class OtlpExporterConfigTest {

  @Test
  void defaultsToHttpProtobufOnLocalhost4318() {
    OtlpExporterConfig config = otlp();

    assertThat(config.protocol()).isEqualTo("http/protobuf");
    assertThat(config.endpoint()).hasToString("http://localhost:4318/v1/traces");
    assertThat(config.headers()).isEmpty();
    assertThat(config.gzip()).isFalse();
    assertThat(config.timeout()).isEqualTo(Duration.ofSeconds(10));
    assertThat(config.sslContext()).isNull();
    assertThat(config.retryEnabled()).isTrue();
    assertThat(config).hasToString("otlp http/protobuf http://localhost:4318/v1/traces");
  }

  @ParameterizedTest(name = "{0} -> {1}")
  @CsvSource({
    "http://collector:4318,          http://collector:4318/v1/traces",
    "http://collector:4318/,         http://collector:4318/v1/traces",
    "https://collector/otlp,         https://collector/otlp/v1/traces",
    "https://collector/otlp/,        https://collector/otlp/v1/traces",
  })
  void genericHttpEndpointIsABaseUrl(String generic, String expected) {
    assertThat(otlp("otel.exporter.otlp.endpoint", generic).endpoint()).hasToString(expected);
  }

  @ParameterizedTest(name = "{0} -> {1}")
  @CsvSource({
    "http://collector:4318/custom/traces, http://collector:4318/custom/traces",
    "http://collector:4318,               http://collector:4318/",
    "https://collector:4318/v1/traces,    https://collector:4318/v1/traces",
  })
  void perSignalHttpEndpointIsUsedAsIs(String signal, String expected) {
    OtlpExporterConfig config =
        otlp(
            "otel.exporter.otlp.endpoint",
            "http://ignored:1",
            "otel.exporter.otlp.traces.endpoint",
            signal);

    assertThat(config.endpoint()).hasToString(expected);
  }

  @Test
  void grpcDefaultsTo4317AndTakesEndpointsWithoutAppendingAPath() {
    assertThat(otlp("otel.exporter.otlp.protocol", "grpc").endpoint())
        .hasToString("http://localhost:4317");
    OtlpExporterConfig generic =
        otlp(
            "otel.exporter.otlp.protocol", "grpc",
            "otel.exporter.otlp.endpoint", "https://collector:4317");
    assertThat(generic.endpoint()).hasToString("https://collector:4317");
    assertThat(generic).hasToString("otlp grpc https://collector:4317");
  }

  @Test
  void perSignalProtocolWins() {
    OtlpExporterConfig config =
        otlp(
            "otel.exporter.otlp.protocol", "http/protobuf",
            "otel.exporter.otlp.traces.protocol", "grpc");

    assertThat(config.protocol()).isEqualTo("grpc");
    assertThat(config.endpoint()).hasToString("http://localhost:4317");
  }

  @Test
  void perSignalHeadersReplaceTheGenericOnesAndArePercentDecoded() {
    assertThat(otlp("otel.exporter.otlp.headers", "a=1,b=two%20words").headers())
        .containsExactly(Map.entry("a", "1"), Map.entry("b", "two words"));
    assertThat(
            otlp(
                    "otel.exporter.otlp.headers", "a=1,b=2",
                    "otel.exporter.otlp.traces.headers", "c=3")
                .headers())
        .containsExactly(Map.entry("c", "3"));
  }

  @Test
  void compressionTimeoutAndRetryHaveGenericAndPerSignalKeys() {
    OtlpExporterConfig generic =
        otlp(
            "otel.exporter.otlp.compression", "gzip",
            "otel.exporter.otlp.timeout", "5s",
            "otel.java.exporter.otlp.retry.disabled", "true");
    assertThat(generic.gzip()).isTrue();
    assertThat(generic.timeout()).isEqualTo(Duration.ofSeconds(5));
    assertThat(generic.retryEnabled()).isFalse();
    assertThat(generic)
        .hasToString(
            "otlp http/protobuf http://localhost:4318/v1/traces gzip timeout=5000ms retry=off");

    OtlpExporterConfig perSignal =
        otlp(
            "otel.exporter.otlp.compression", "gzip",
            "otel.exporter.otlp.traces.compression", "none",
            "otel.exporter.otlp.timeout", "5s",
            "otel.exporter.otlp.traces.timeout", "250");
    assertThat(perSignal.gzip()).isFalse();
    assertThat(perSignal.timeout()).isEqualTo(Duration.ofMillis(250));
  }

  @Test
  void toStringNamesHeadersButNeverTheirValues() {
    assertThat(otlp("otel.exporter.otlp.headers", "authorization=Bearer%20s3cret").toString())
        .contains("headers=[authorization]")
        .doesNotContain("s3cret");
  }

  @ParameterizedTest
  @CsvSource({"localhost:4318", "ftp://collector:21", "http://", "http://bad host:4318"})
  void anUnusableEndpointWarnsAndFallsBackToTheDefault(String endpoint) {
    try (LogCapture log = new LogCapture()) {
      OtlpExporterConfig config = otlp("otel.exporter.otlp.traces.endpoint", endpoint);

      assertThat(config.endpoint()).hasToString("http://localhost:4318/v1/traces");
      assertThat(log.text())
          .contains(
              " WARN ", "otel.exporter.otlp.traces.endpoint (OTEL_EXPORTER_OTLP_TRACES_ENDPOINT)");
    }
  }

  @Test
  void tlsFilesAreReadOnlyForHttpsEndpoints() {
    OtlpExporterConfig cleartext = otlp("otel.exporter.otlp.certificate", resource("ca.pem"));
    OtlpExporterConfig https =
        otlp(
            "otel.exporter.otlp.endpoint",
            "https://collector:4318",
            "otel.exporter.otlp.certificate",
            resource("ca.pem"));

    assertThat(cleartext.sslContext()).isNull();
    assertThat(https.sslContext()).isNotNull();
  }

  @Test
  void aClientKeyWithoutItsCertificateWarnsNamingTheMissingKey() {
    try (LogCapture log = new LogCapture()) {
      OtlpExporterConfig config =
          otlp(
              "otel.exporter.otlp.endpoint",
              "https://collector:4318",
              "otel.exporter.otlp.client.key",
              resource("client.key"));

      assertThat(config.sslContext()).isNull();
      assertThat(log.text())
          .containsOnlyOnce(" WARN ")
          .contains(
              "otel.exporter.otlp.client.certificate (OTEL_EXPORTER_OTLP_CLIENT_CERTIFICATE)");
    }
  }

  @Test
  void aKeyThatIsNotPkcs8WarnsWithTheConversionCommand(@TempDir Path dir) throws Exception {
    Path pkcs1 = dir.resolve("rsa.key");
    Files.write(
        pkcs1,
        "-----BEGIN RSA PRIVATE KEY-----\nAAAA\n-----END RSA PRIVATE KEY-----\n"
            .getBytes(StandardCharsets.US_ASCII));
    try (LogCapture log = new LogCapture()) {
      OtlpExporterConfig config =
          otlp(
              "otel.exporter.otlp.endpoint", "https://collector:4318",
              "otel.exporter.otlp.certificate", resource("ca.pem"),
              "otel.exporter.otlp.traces.client.key", pkcs1.toString(),
              "otel.exporter.otlp.traces.client.certificate", resource("client.pem"));

      assertThat(config.sslContext()).as("the trust part still applies").isNotNull();
      assertThat(log.text())
          .containsOnlyOnce(" WARN ")
          .contains("otel.exporter.otlp.traces.client.key", "openssl pkcs8 -topk8 -nocrypt");
    }
  }

  @Test
  void aCertificateFileThatIsNotPemWarns(@TempDir Path dir) throws Exception {
    Path garbage = dir.resolve("ca.pem");
    Files.write(garbage, "not a certificate".getBytes(StandardCharsets.US_ASCII));
    try (LogCapture log = new LogCapture()) {
      OtlpExporterConfig config =
          otlp(
              "otel.exporter.otlp.endpoint",
              "https://collector:4318",
              "otel.exporter.otlp.certificate",
              garbage.toString());

      assertThat(config.sslContext()).isNull();
      assertThat(log.text())
          .containsOnlyOnce(" WARN ")
          .contains("otel.exporter.otlp.certificate", "default trust store");
    }
  }

  @ParameterizedTest
  @CsvSource({
    "METRICS, http://localhost:4318/v1/metrics, http://collector:4318/v1/metrics",
    "LOGS, http://localhost:4318/v1/logs, http://collector:4318/v1/logs"
  })
  void everySignalHasItsOwnPathAndKeys(OtlpSignal signal, String byDefault, String fromGeneric) {
    assertThat(forSignal(signal).endpoint()).hasToString(byDefault);
    assertThat(forSignal(signal, "otel.exporter.otlp.endpoint", "http://collector:4318").endpoint())
        .hasToString(fromGeneric);
    String key = "otel.exporter.otlp." + signal.key() + ".";
    OtlpExporterConfig own =
        forSignal(
            signal,
            "otel.exporter.otlp.endpoint",
            "http://collector:4318",
            key + "endpoint",
            "http://other:9999/custom",
            key + "protocol",
            "http/protobuf",
            key + "headers",
            "x-signal=1",
            key + "compression",
            "gzip",
            key + "timeout",
            "3s",
            "otel.exporter.otlp.traces.endpoint",
            "http://traces-only:4318");
    assertThat(own.signal()).isEqualTo(signal);
    assertThat(own.endpoint()).hasToString("http://other:9999/custom");
    assertThat(own.headers()).containsExactly(Map.entry("x-signal", "1"));
    assertThat(own.gzip()).isTrue();
    assertThat(own.timeout()).isEqualTo(Duration.ofSeconds(3));
    // Another signal's keys never leak in.
    assertThat(forSignal(signal, "otel.exporter.otlp.traces.protocol", "grpc").protocol())
        .isEqualTo(OtlpExporterConfig.HTTP_PROTOBUF);
    assertThat(forSignal(signal, key + "protocol", "grpc").endpoint())
        .hasToString("http://localhost:4317");
  }

  private static OtlpExporterConfig forSignal(OtlpSignal signal, String... keysAndValues) {
    ConfigProperties config = TestConfigs.properties(keysAndValues);
    return OtlpExporterConfig.forSignal(signal, config, AgentSettings.read(config));
  }
}
