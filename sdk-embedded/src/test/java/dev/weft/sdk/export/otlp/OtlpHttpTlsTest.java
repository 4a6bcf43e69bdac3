package dev.weft.sdk.export.otlp;

import static dev.weft.sdk.export.otlp.TestConfigs.otlp;
import static dev.weft.sdk.export.otlp.TestConfigs.resource;
import static org.assertj.core.api.Assertions.assertThat;

import dev.weft.sdk.export.TestSpan;
import dev.weft.sdk.export.otlp.TestConfigs.LogCapture;
import dev.weft.sdk.trace.export.ExportResult;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** HTTPS with a private CA and client certificates, against a real HTTPS receiver. */
class OtlpHttpTlsTest {

  private static final long TIMEOUT = TimeUnit.SECONDS.toNanos(10);
  // With TLS 1.3 the client learns of a refused certificate only when reading: an I/O error that
  // is retried until the timeout.
  private static final long TIMEOUT_SHORT = TimeUnit.SECONDS.toNanos(2);

  private HttpReceiver receiver;
  private LogCapture log;

  @BeforeEach
  void start() throws Exception {
    receiver = HttpReceiver.startHttps(TestTls.serverContext(), true);
    log = new LogCapture();
  }

  @AfterEach
  void stop() {
    log.close();
    receiver.close();
  }

  @Test
  void mutualTlsWithAnRsaClientKey() throws Exception {
    OtlpSpanExporter exporter =
        OtlpSpanExporter.http(
            otlp(
                "otel.exporter.otlp.traces.endpoint", receiver.tracesUrl(),
                "otel.exporter.otlp.certificate", resource("ca.pem"),
                "otel.exporter.otlp.client.key", resource("client.key"),
                "otel.exporter.otlp.client.certificate", resource("client.pem")));

    assertThat(exporter.export(List.of(TestSpan.named("secure")), TIMEOUT))
        .isEqualTo(ExportResult.SUCCESS);
    assertThat(receiver.take().clientCertificate).isEqualTo("CN=weft-client");
    assertThat(exporter.toString()).contains("https://127.0.0.1:", " tls=custom");
    assertThat(log.text()).isEmpty();
  }

  @Test
  void mutualTlsWithAnEcClientKeyFromPerSignalKeys() throws Exception {
    OtlpSpanExporter exporter =
        OtlpSpanExporter.http(
            otlp(
                "otel.exporter.otlp.traces.endpoint", receiver.tracesUrl(),
                "otel.exporter.otlp.certificate", resource("other-ca.pem"),
                "otel.exporter.otlp.traces.certificate", resource("ca.pem"),
                "otel.exporter.otlp.traces.client.key", resource("client-ec.key"),
                "otel.exporter.otlp.traces.client.certificate", resource("client-ec.pem")));

    assertThat(exporter.export(List.of(TestSpan.named("secure")), TIMEOUT))
        .isEqualTo(ExportResult.SUCCESS);
    assertThat(receiver.take().clientCertificate).isEqualTo("CN=weft-client-ec");
  }

  @Test
  void anUntrustedServerFailsAtOnceWithoutRetrying() {
    OtlpSpanExporter exporter =
        OtlpSpanExporter.http(
            otlp(
                "otel.exporter.otlp.traces.endpoint", receiver.tracesUrl(),
                "otel.exporter.otlp.certificate", resource("other-ca.pem"),
                "otel.exporter.otlp.client.key", resource("client.key"),
                "otel.exporter.otlp.client.certificate", resource("client.pem")));

    ExportResult result = exporter.export(List.of(TestSpan.named("s")), TIMEOUT);

    assertThat(result).isEqualTo(ExportResult.FAILURE);
    assertThat(receiver.pending()).isZero();
    // Every reason the retrier adds when it stops retrying names the attempts; this one is final.
    assertThat(log.text()).contains("TLS failure").doesNotContain("attempt");
  }

  @Test
  void aServerThatRequiresAClientCertificateRejectsUsWithoutOne() {
    OtlpSpanExporter exporter =
        OtlpSpanExporter.http(
            otlp(
                "otel.exporter.otlp.traces.endpoint", receiver.tracesUrl(),
                "otel.exporter.otlp.certificate", resource("ca.pem")));

    ExportResult result = exporter.export(List.of(TestSpan.named("s")), TIMEOUT_SHORT);

    assertThat(result).isEqualTo(ExportResult.FAILURE);
    assertThat(receiver.pending()).isZero();
  }

  @Test
  void anUnreadableTrustFileWarnsOnceAndFallsBackToTheDefaultTrustStore() {
    OtlpSpanExporter exporter =
        OtlpSpanExporter.http(
            otlp(
                "otel.exporter.otlp.traces.endpoint",
                receiver.tracesUrl(),
                "otel.exporter.otlp.certificate",
                "/no/such/ca.pem"));

    ExportResult result = exporter.export(List.of(TestSpan.named("s")), TIMEOUT);

    // The JDK's trust store does not know the test CA: the handshake fails, nothing throws.
    assertThat(result).isEqualTo(ExportResult.FAILURE);
    assertThat(log.text())
        .containsOnlyOnce("otel.exporter.otlp.certificate (OTEL_EXPORTER_OTLP_CERTIFICATE)")
        .contains("no such file", "the JDK's default trust store");
  }
}
