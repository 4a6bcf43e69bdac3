package dev.weft.sdk.export.otlp;

import static org.assertj.core.api.Assertions.assertThat;

import dev.weft.core.api.common.AttributeKey;
import dev.weft.core.api.common.Attributes;
import dev.weft.sdk.common.InstrumentationScope;
import dev.weft.sdk.metrics.data.AggregationTemporality;
import dev.weft.sdk.metrics.data.ExemplarData;
import dev.weft.sdk.metrics.data.ExponentialHistogramPointData;
import dev.weft.sdk.metrics.data.HistogramPointData;
import dev.weft.sdk.metrics.data.MetricData;
import dev.weft.sdk.metrics.data.MetricType;
import dev.weft.sdk.metrics.data.NumberPointData;
import dev.weft.sdk.metrics.data.PointData;
import dev.weft.sdk.resources.Resource;
import io.opentelemetry.proto.collector.metrics.v1.ExportMetricsServiceRequest;
import io.opentelemetry.proto.common.v1.KeyValue;
import io.opentelemetry.proto.metrics.v1.Metric;
import io.opentelemetry.proto.metrics.v1.ResourceMetrics;
import io.opentelemetry.proto.metrics.v1.ScopeMetrics;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Encodes with Weft, decodes with the official opentelemetry-proto classes. */
class OtlpMetricEncoderTest {

  private static final Resource RESOURCE =
      Resource.create(Attributes.builder().put("service.name", "shop").build());
  private static final InstrumentationScope SCOPE =
      InstrumentationScope.of("io.opentelemetry.java-http-server", "1.2.3");
  private static final Attributes GET =
      Attributes.builder()
          .put("http.request.method", "GET")
          .put(AttributeKey.longKey("http.response.status_code"), 200L)
          .build();
  private static final long START = 1_700_000_000_000_000_000L;
  private static final long NOW = START + 60_000_000_000L;

  private static MetricData metric(
      String name,
      MetricType type,
      boolean monotonic,
      AggregationTemporality temporality,
      List<? extends PointData> points) {
    return new MetricData(
        RESOURCE, SCOPE, name, "what it is", "s", type, monotonic, temporality, points);
  }

  private static ExportMetricsServiceRequest roundTrip(List<MetricData> metrics) throws Exception {
    return ExportMetricsServiceRequest.parseFrom(OtlpMetricEncoder.encode(metrics));
  }

  @Test
  void sumsAndGaugesCarryTheirValuesTemporalityAndAttributes() throws Exception {
    ExportMetricsServiceRequest request =
        roundTrip(
            List.of(
                metric(
                    "requests",
                    MetricType.LONG_SUM,
                    true,
                    AggregationTemporality.DELTA,
                    List.of(
                        NumberPointData.ofLong(GET, START, NOW, 42),
                        NumberPointData.ofLong(Attributes.empty(), START, NOW, 0))),
                metric(
                    "active",
                    MetricType.DOUBLE_SUM,
                    false,
                    AggregationTemporality.CUMULATIVE,
                    List.of(NumberPointData.ofDouble(GET, START, NOW, -1.5))),
                metric(
                    "load",
                    MetricType.DOUBLE_GAUGE,
                    false,
                    null,
                    List.of(NumberPointData.ofDouble(Attributes.empty(), START, NOW, 0.25)))));

    assertThat(request.getResourceMetricsCount()).isEqualTo(1);
    ResourceMetrics resource = request.getResourceMetrics(0);
    assertThat(resource.getResource().getAttributes(0).getKey()).isEqualTo("service.name");
    ScopeMetrics scope = resource.getScopeMetrics(0);
    assertThat(scope.getScope().getName()).isEqualTo("io.opentelemetry.java-http-server");
    assertThat(scope.getScope().getVersion()).isEqualTo("1.2.3");
    assertThat(scope.getMetricsCount()).isEqualTo(3);

    Metric requests = scope.getMetrics(0);
    assertThat(requests.getName()).isEqualTo("requests");
    assertThat(requests.getDescription()).isEqualTo("what it is");
    assertThat(requests.getUnit()).isEqualTo("s");
    assertThat(requests.hasSum()).isTrue();
    assertThat(requests.getSum().getIsMonotonic()).isTrue();
    assertThat(requests.getSum().getAggregationTemporality().getNumber()).isEqualTo(1);
    assertThat(requests.getSum().getDataPoints(0).getAsInt()).isEqualTo(42);
    assertThat(requests.getSum().getDataPoints(0).getStartTimeUnixNano()).isEqualTo(START);
    assertThat(requests.getSum().getDataPoints(0).getTimeUnixNano()).isEqualTo(NOW);
    List<KeyValue> attributes = requests.getSum().getDataPoints(0).getAttributesList();
    assertThat(attributes)
        .extracting(KeyValue::getKey)
        .containsExactly("http.request.method", "http.response.status_code");
    assertThat(attributes.get(1).getValue().getIntValue()).isEqualTo(200);
    // A zero value is still a value (oneof), not "unset".
    assertThat(requests.getSum().getDataPoints(1).hasAsInt()).isTrue();

    Metric active = scope.getMetrics(1);
    assertThat(active.getSum().getIsMonotonic()).isFalse();
    assertThat(active.getSum().getAggregationTemporality().getNumber()).isEqualTo(2);
    assertThat(active.getSum().getDataPoints(0).getAsDouble()).isEqualTo(-1.5);

    Metric load = scope.getMetrics(2);
    assertThat(load.hasGauge()).isTrue();
    assertThat(load.getGauge().getDataPoints(0).getAsDouble()).isEqualTo(0.25);
  }

  @Test
  void explicitHistogramWithExemplar() throws Exception {
    ExemplarData exemplar =
        new ExemplarData(
            0.3, NOW - 5, 0x0af7651916cd43ddL, 0x8448eb211c80319cL, 0xb7ad6b7169203331L);
    HistogramPointData point =
        new HistogramPointData(
            GET,
            START,
            NOW,
            0.42,
            0.01,
            0.3,
            new double[] {0.1, 1},
            new long[] {2, 1, 0},
            List.of(exemplar));
    Metric metric =
        roundTrip(
                List.of(
                    metric(
                        "http.server.request.duration",
                        MetricType.HISTOGRAM,
                        false,
                        AggregationTemporality.CUMULATIVE,
                        List.of(point))))
            .getResourceMetrics(0)
            .getScopeMetrics(0)
            .getMetrics(0);

    var histogram = metric.getHistogram();
    assertThat(histogram.getAggregationTemporality().getNumber()).isEqualTo(2);
    var decoded = histogram.getDataPoints(0);
    assertThat(decoded.getCount()).isEqualTo(3);
    assertThat(decoded.getSum()).isEqualTo(0.42);
    assertThat(decoded.getMin()).isEqualTo(0.01);
    assertThat(decoded.getMax()).isEqualTo(0.3);
    assertThat(decoded.getBucketCountsList()).containsExactly(2L, 1L, 0L);
    assertThat(decoded.getExplicitBoundsList()).containsExactly(0.1, 1.0);
    assertThat(decoded.getAttributesCount()).isEqualTo(2);
    var decodedExemplar = decoded.getExemplars(0);
    assertThat(decodedExemplar.getAsDouble()).isEqualTo(0.3);
    assertThat(decodedExemplar.getTimeUnixNano()).isEqualTo(NOW - 5);
    assertThat(hex(decodedExemplar.getTraceId().toByteArray()))
        .isEqualTo("0af7651916cd43dd8448eb211c80319c");
    assertThat(hex(decodedExemplar.getSpanId().toByteArray())).isEqualTo("b7ad6b7169203331");
  }

  @Test
  void emptyHistogramHasNoMinOrMax() throws Exception {
    HistogramPointData point =
        new HistogramPointData(
            Attributes.empty(),
            START,
            NOW,
            0,
            Double.POSITIVE_INFINITY,
            Double.NEGATIVE_INFINITY,
            new double[] {1},
            new long[] {0, 0},
            List.of());
    var decoded =
        roundTrip(
                List.of(
                    metric(
                        "h",
                        MetricType.HISTOGRAM,
                        false,
                        AggregationTemporality.DELTA,
                        List.of(point))))
            .getResourceMetrics(0)
            .getScopeMetrics(0)
            .getMetrics(0)
            .getHistogram()
            .getDataPoints(0);
    assertThat(decoded.getCount()).isZero();
    assertThat(decoded.hasSum()).isTrue();
    assertThat(decoded.hasMin()).isFalse();
    assertThat(decoded.hasMax()).isFalse();
  }

  @Test
  void exponentialHistogram() throws Exception {
    ExponentialHistogramPointData point =
        new ExponentialHistogramPointData(
            GET,
            START,
            NOW,
            -3,
            6,
            10.5,
            -2,
            8,
            1,
            -1,
            new long[] {1, 0, 3},
            5,
            new long[] {1},
            List.of());
    var decoded =
        roundTrip(
                List.of(
                    metric(
                        "e",
                        MetricType.EXPONENTIAL_HISTOGRAM,
                        false,
                        AggregationTemporality.DELTA,
                        List.of(point))))
            .getResourceMetrics(0)
            .getScopeMetrics(0)
            .getMetrics(0);
    assertThat(decoded.getExponentialHistogram().getAggregationTemporality().getNumber())
        .isEqualTo(1);
    var data = decoded.getExponentialHistogram().getDataPoints(0);
    assertThat(data.getScale()).isEqualTo(-3);
    assertThat(data.getCount()).isEqualTo(6);
    assertThat(data.getSum()).isEqualTo(10.5);
    assertThat(data.getMin()).isEqualTo(-2);
    assertThat(data.getMax()).isEqualTo(8);
    assertThat(data.getZeroCount()).isEqualTo(1);
    assertThat(data.getPositive().getOffset()).isEqualTo(-1);
    assertThat(data.getPositive().getBucketCountsList()).containsExactly(1L, 0L, 3L);
    assertThat(data.getNegative().getOffset()).isEqualTo(5);
    assertThat(data.getNegative().getBucketCountsList()).containsExactly(1L);
    assertThat(data.getAttributesCount()).isEqualTo(2);
  }

  @Test
  void groupsByResourceThenScope() throws Exception {
    Resource other = Resource.create(Attributes.builder().put("service.name", "other").build());
    InstrumentationScope runtime =
        InstrumentationScope.of("io.opentelemetry.runtime-telemetry", null);
    List<MetricData> metrics =
        List.of(
            metric(
                "a",
                MetricType.LONG_GAUGE,
                false,
                null,
                List.of(NumberPointData.ofLong(Attributes.empty(), START, NOW, 1))),
            new MetricData(
                RESOURCE,
                runtime,
                "b",
                "",
                "",
                MetricType.LONG_GAUGE,
                false,
                null,
                List.of(NumberPointData.ofLong(Attributes.empty(), START, NOW, 2))),
            metric(
                "c",
                MetricType.LONG_GAUGE,
                false,
                null,
                List.of(NumberPointData.ofLong(Attributes.empty(), START, NOW, 3))),
            new MetricData(
                other,
                SCOPE,
                "d",
                "",
                "",
                MetricType.LONG_GAUGE,
                false,
                null,
                List.of(NumberPointData.ofLong(Attributes.empty(), START, NOW, 4))));
    ExportMetricsServiceRequest request = roundTrip(metrics);
    assertThat(request.getResourceMetricsCount()).isEqualTo(2);
    assertThat(request.getResourceMetrics(0).getScopeMetricsList())
        .extracting(s -> s.getScope().getName() + ":" + s.getMetricsCount())
        .containsExactly(
            "io.opentelemetry.java-http-server:2", "io.opentelemetry.runtime-telemetry:1");
    assertThat(request.getResourceMetrics(1).getScopeMetrics(0).getMetrics(0).getName())
        .isEqualTo("d");
    assertThat(OtlpMetricEncoder.pointCount(metrics)).isEqualTo(4);
  }

  private static String hex(byte[] bytes) {
    StringBuilder out = new StringBuilder();
    for (byte b : bytes) {
      out.append(String.format("%02x", b));
    }
    return out.toString();
  }
}
