package dev.weft.sdk.export.otlp;

import static org.assertj.core.api.Assertions.assertThat;

import dev.weft.core.api.common.Attributes;
import dev.weft.core.api.metrics.LongCounter;
import dev.weft.core.config.AgentSettings;
import dev.weft.core.config.ConfigProperties;
import dev.weft.sdk.metrics.MetricsConfig;
import dev.weft.sdk.metrics.SdkMeterProvider;
import dev.weft.sdk.metrics.export.PeriodicMetricReader;
import dev.weft.sdk.resources.Resource;
import io.opentelemetry.proto.collector.metrics.v1.ExportMetricsServiceRequest;
import io.opentelemetry.proto.metrics.v1.Metric;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** The periodic reader with the OTLP/HTTP metric exporter, against a real HTTP receiver. */
class OtlpMetricExporterTest {

  private static OtlpMetricExporter exporter(HttpReceiver receiver, String... extra) {
    String[] pairs = new String[extra.length + 2];
    pairs[0] = "otel.exporter.otlp.endpoint";
    pairs[1] = receiver.baseUrl();
    System.arraycopy(extra, 0, pairs, 2, extra.length);
    ConfigProperties config = TestConfigs.properties(pairs);
    return OtlpMetricExporter.http(
        OtlpExporterConfig.forSignal(OtlpSignal.METRICS, config, AgentSettings.read(config)),
        MetricsConfig.read(config));
  }

  private static Metric only(ExportMetricsServiceRequest request) {
    return request.getResourceMetrics(0).getScopeMetrics(0).getMetrics(0);
  }

  @Test
  void exportsEveryIntervalAsDeltasWhenPreferred() throws Exception {
    try (HttpReceiver receiver = HttpReceiver.start()) {
      OtlpMetricExporter exporter =
          exporter(receiver, "otel.exporter.otlp.metrics.temporality.preference", "delta");
      SdkMeterProvider provider =
          SdkMeterProvider.create(
              Resource.empty(),
              MetricsConfig.defaults(),
              List.of(
                  new PeriodicMetricReader(
                      exporter, Duration.ofMillis(200), Duration.ofSeconds(5))));
      LongCounter counter = provider.get("test", null).instrument("jobs").longCounter();
      counter.add(3);
      HttpReceiver.Received first = receiver.take();
      assertThat(first.path).isEqualTo("/v1/metrics");
      assertThat(first.headers.getFirst("Content-Type")).isEqualTo("application/x-protobuf");
      Metric metric = only(ExportMetricsServiceRequest.parseFrom(first.body));
      assertThat(metric.getSum().getAggregationTemporality().getNumber()).isEqualTo(1);
      assertThat(metric.getSum().getDataPoints(0).getAsInt()).isEqualTo(3);

      counter.add(4);
      Metric second = only(ExportMetricsServiceRequest.parseFrom(receiver.take().body));
      assertThat(second.getSum().getDataPoints(0).getAsInt()).isEqualTo(4);
      assertThat(second.getSum().getDataPoints(0).getStartTimeUnixNano())
          .isEqualTo(metric.getSum().getDataPoints(0).getTimeUnixNano());
      provider.shutdown(5, TimeUnit.SECONDS);
    }
  }

  @Test
  void shutdownExportsTheLastInterval() throws Exception {
    try (HttpReceiver receiver = HttpReceiver.start()) {
      SdkMeterProvider provider =
          SdkMeterProvider.create(
              Resource.empty(),
              MetricsConfig.defaults(),
              List.of(
                  new PeriodicMetricReader(
                      exporter(receiver), Duration.ofHours(1), Duration.ofSeconds(5))));
      provider
          .get("test", null)
          .instrument("jobs")
          .longCounter()
          .add(7, Attributes.builder().put("queue", "a").build());
      assertThat(receiver.pending()).isZero();

      assertThat(provider.shutdown(5, TimeUnit.SECONDS)).isTrue();

      Metric metric = only(ExportMetricsServiceRequest.parseFrom(receiver.take().body));
      assertThat(metric.getName()).isEqualTo("jobs");
      assertThat(metric.getSum().getAggregationTemporality().getNumber()).isEqualTo(2);
      assertThat(metric.getSum().getDataPoints(0).getAsInt()).isEqualTo(7);
    }
  }
}
