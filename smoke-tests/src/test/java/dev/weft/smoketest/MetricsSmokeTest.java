package dev.weft.smoketest;

import static org.assertj.core.api.Assertions.assertThat;

import dev.weft.smoketest.apps.MetricsApp;
import io.opentelemetry.proto.collector.metrics.v1.ExportMetricsServiceRequest;
import io.opentelemetry.proto.common.v1.AnyValue;
import io.opentelemetry.proto.common.v1.KeyValue;
import io.opentelemetry.proto.metrics.v1.AggregationTemporality;
import io.opentelemetry.proto.metrics.v1.HistogramDataPoint;
import io.opentelemetry.proto.metrics.v1.Metric;
import io.opentelemetry.proto.metrics.v1.NumberDataPoint;
import io.opentelemetry.proto.metrics.v1.ResourceMetrics;
import io.opentelemetry.proto.metrics.v1.ScopeMetrics;
import io.opentelemetry.proto.trace.v1.Span;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The embedded metrics SDK in a real JVM: HTTP duration and JVM runtime metrics over real OTLP
 * (HTTP/protobuf and gRPC) decoded with the official classes, delta temporality, the cardinality
 * limit against unbounded attribute values, and a real Prometheus scrape.
 */
class MetricsSmokeTest {

  private static final String RUNTIMES = "dev.weft.smoketest.JavaRuntimes#all";
  private static final Duration WAIT = Duration.ofSeconds(30);
  private static final List<Double> HTTP_BUCKETS =
      List.of(0.005, 0.01, 0.025, 0.05, 0.075, 0.1, 0.25, 0.5, 0.75, 1.0, 2.5, 5.0, 7.5, 10.0);
  private static final Set<String> SERVER_KEYS =
      Set.of(
          "http.request.method",
          "url.scheme",
          "error.type",
          "http.response.status_code",
          "http.route",
          "network.protocol.name",
          "network.protocol.version");
  private static final Set<String> CLIENT_KEYS =
      Set.of(
          "http.request.method",
          "server.address",
          "server.port",
          "error.type",
          "http.response.status_code",
          "network.protocol.name",
          "network.protocol.version");

  @RegisterExtension static final OtlpReceiver otlp = OtlpReceiver.onFreePorts();

  static Stream<Arguments> transports() {
    List<Arguments> all = new ArrayList<>();
    JavaRuntimes.all()
        .forEach(
            java -> {
              all.add(Arguments.of(java, OtlpReceiver.HTTP_PROTOBUF));
              all.add(Arguments.of(java, OtlpReceiver.GRPC));
            });
    return all.stream();
  }

  private static AppProcess.Builder app(JavaRuntime java, String... args) {
    return AppProcess.builder(java)
        .mainClass(MetricsApp.class.getName())
        .withAgent()
        .env(otlp.exporterEnv())
        .env("OTEL_SERVICE_NAME", "orders")
        .env("OTEL_TRACES_EXPORTER", "none")
        .env("OTEL_LOGS_EXPORTER", "none")
        .args(args);
  }

  @ParameterizedTest(name = "{0} {1}")
  @MethodSource("transports")
  void httpAndRuntimeMetricsHaveTheConventionalNamesUnitsTypesAndAttributes(
      JavaRuntime java, String protocol) {
    ProcessResult result =
        AppProcess.run(app(java, "phases", "3", "0", "gc").env(otlp.exporterEnv(protocol)));

    assertThat(result.exitCode()).as(result.toString()).isZero();
    // The default interval is a minute: everything arrives with the collection at shutdown.
    otlp.awaitMetrics(10, WAIT);
    ResourceMetrics resource = otlp.metricRequests().get(0).getResourceMetrics(0);
    assertThat(attributes(resource.getResource().getAttributesList()))
        .containsEntry("service.name", "orders");
    Map<String, Metric> metrics = byName(otlp.metricRequests());
    Map<String, String> scopes = scopesByMetric(otlp.metricRequests());

    Metric server = metrics.get("http.server.request.duration");
    assertThat(scopes.get(server.getName())).isEqualTo("io.opentelemetry.java-http-server");
    assertThat(server.getUnit()).isEqualTo("s");
    assertThat(server.getHistogram().getAggregationTemporality())
        .isEqualTo(AggregationTemporality.AGGREGATION_TEMPORALITY_CUMULATIVE);
    Map<String, HistogramDataPoint> byRoute = new LinkedHashMap<>();
    for (HistogramDataPoint point : server.getHistogram().getDataPointsList()) {
      Map<String, Object> attrs = attributes(point.getAttributesList());
      assertThat(SERVER_KEYS).containsAll(attrs.keySet());
      assertThat(attrs)
          .containsEntry("http.request.method", "GET")
          .containsEntry("url.scheme", "http")
          .containsEntry("http.response.status_code", 200L);
      assertThat(point.getExplicitBoundsList()).isEqualTo(HTTP_BUCKETS);
      byRoute.put((String) attrs.get("http.route"), point);
    }
    assertThat(byRoute.keySet()).containsExactlyInAnyOrder("/order", "/stock");
    assertThat(byRoute.get("/order").getCount()).isEqualTo(3);
    assertThat(byRoute.get("/stock").getCount()).isEqualTo(3);
    assertThat(byRoute.get("/order").getSum()).isPositive();

    Metric client = metrics.get("http.client.request.duration");
    assertThat(scopes.get(client.getName())).isEqualTo("io.opentelemetry.java-http-client");
    assertThat(client.getUnit()).isEqualTo("s");
    HistogramDataPoint clientPoint = client.getHistogram().getDataPoints(0);
    Map<String, Object> clientAttrs = attributes(clientPoint.getAttributesList());
    assertThat(CLIENT_KEYS).containsAll(clientAttrs.keySet());
    assertThat(clientAttrs)
        .containsEntry("server.address", "127.0.0.1")
        .containsEntry("http.response.status_code", 200L)
        .containsKey("server.port");
    assertThat(clientPoint.getCount()).isEqualTo(3);

    assertRuntimeMetrics(metrics, scopes);
  }

  private static void assertRuntimeMetrics(
      Map<String, Metric> metrics, Map<String, String> scopes) {
    for (String name : List.of("jvm.memory.used", "jvm.memory.committed", "jvm.memory.limit")) {
      Metric memory = metrics.get(name);
      assertThat(memory).as(name).isNotNull();
      assertThat(scopes.get(name)).isEqualTo("io.opentelemetry.runtime-telemetry");
      assertThat(memory.getUnit()).isEqualTo("By");
      assertThat(memory.getSum().getIsMonotonic()).isFalse();
      Set<Object> types = new TreeSet<>();
      for (NumberDataPoint point : memory.getSum().getDataPointsList()) {
        Map<String, Object> attrs = attributes(point.getAttributesList());
        assertThat(attrs.keySet())
            .containsExactlyInAnyOrder("jvm.memory.pool.name", "jvm.memory.type");
        types.add(attrs.get("jvm.memory.type"));
        assertThat(point.getAsInt()).isNotNegative();
      }
      assertThat(types).containsExactly("heap", "non_heap");
    }
    assertThat(metrics.get("jvm.memory.used_after_last_gc").getSum().getDataPointsList())
        .isNotEmpty();
    Metric threads = metrics.get("jvm.thread.count");
    assertThat(threads.getUnit()).isEqualTo("{thread}");
    assertThat(threads.getSum().getDataPointsList())
        .allSatisfy(
            p ->
                assertThat(attributes(p.getAttributesList()))
                    .containsOnlyKeys("jvm.thread.daemon", "jvm.thread.state"))
        .anySatisfy(
            p ->
                assertThat(attributes(p.getAttributesList()))
                    .containsEntry("jvm.thread.state", "runnable"));
    Metric loaded = metrics.get("jvm.class.loaded");
    assertThat(loaded.getUnit()).isEqualTo("{class}");
    assertThat(loaded.getSum().getIsMonotonic()).isTrue();
    assertThat(loaded.getSum().getDataPoints(0).getAsInt()).isGreaterThan(500);
    assertThat(metrics).containsKeys("jvm.class.unloaded", "jvm.class.count");
    Metric cpuTime = metrics.get("jvm.cpu.time");
    assertThat(cpuTime.getUnit()).isEqualTo("s");
    assertThat(cpuTime.getSum().getIsMonotonic()).isTrue();
    assertThat(cpuTime.getSum().getDataPoints(0).getAsDouble()).isPositive();
    assertThat(metrics.get("jvm.cpu.count").getSum().getDataPoints(0).getAsInt())
        .isEqualTo(Runtime.getRuntime().availableProcessors());
    Metric utilization = metrics.get("jvm.cpu.recent_utilization");
    assertThat(utilization.getUnit()).isEqualTo("1");
    assertThat(utilization.hasGauge()).isTrue();
    Metric gc = metrics.get("jvm.gc.duration");
    assertThat(gc).as("jvm.gc.duration after System.gc()").isNotNull();
    assertThat(gc.getUnit()).isEqualTo("s");
    HistogramDataPoint gcPoint = gc.getHistogram().getDataPoints(0);
    assertThat(gcPoint.getExplicitBoundsList()).containsExactly(0.01, 0.1, 1.0, 10.0);
    assertThat(attributes(gcPoint.getAttributesList()).keySet())
        .containsExactlyInAnyOrder("jvm.gc.name", "jvm.gc.action");
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource(RUNTIMES)
  void deltaTemporalityGivesPerIntervalValues(JavaRuntime java) {
    ProcessResult result =
        AppProcess.run(
            app(java, "phases", "3,2", "2000")
                .env("OTEL_EXPORTER_OTLP_METRICS_TEMPORALITY_PREFERENCE", "delta")
                .env("OTEL_METRIC_EXPORT_INTERVAL", "400"));

    assertThat(result.exitCode()).as(result.toString()).isZero();
    List<HistogramDataPoint> orders = new ArrayList<>();
    for (ExportMetricsServiceRequest request : otlp.metricRequests()) {
      for (Metric metric : metrics(request)) {
        if (metric.getName().equals("http.server.request.duration")) {
          assertThat(metric.getHistogram().getAggregationTemporality())
              .isEqualTo(AggregationTemporality.AGGREGATION_TEMPORALITY_DELTA);
          for (HistogramDataPoint point : metric.getHistogram().getDataPointsList()) {
            if ("/order".equals(attributes(point.getAttributesList()).get("http.route"))) {
              orders.add(point);
            }
          }
        }
        if (metric.getName().equals("jvm.memory.used")) {
          assertThat(metric.getSum().getAggregationTemporality())
              .as("up-down counters stay cumulative")
              .isEqualTo(AggregationTemporality.AGGREGATION_TEMPORALITY_CUMULATIVE);
        }
        if (metric.getName().equals("jvm.class.loaded")) {
          assertThat(metric.getSum().getAggregationTemporality())
              .isEqualTo(AggregationTemporality.AGGREGATION_TEMPORALITY_DELTA);
        }
      }
    }
    // Each point counts only its own window: the windows do not overlap and the counts add up to
    // the five orders (cumulative points would repeat earlier requests and add up to more).
    // Windows without a request report nothing for the route, so the two-second pause between the
    // phases leaves a gap of at least one interval.
    assertThat(orders.size()).isGreaterThanOrEqualTo(2);
    assertThat(orders.stream().mapToLong(HistogramDataPoint::getCount).sum()).isEqualTo(5);
    boolean gap = false;
    for (int i = 1; i < orders.size(); i++) {
      assertThat(orders.get(i).getStartTimeUnixNano())
          .isGreaterThanOrEqualTo(orders.get(i - 1).getTimeUnixNano());
      gap |= orders.get(i).getStartTimeUnixNano() > orders.get(i - 1).getTimeUnixNano();
    }
    assertThat(gap).as("a quiet interval between the phases").isTrue();
    assertThat(otlp.metricRequests().size()).isGreaterThan(3);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource(RUNTIMES)
  void unboundedAttributeValuesStayWithinTheCardinalityLimit(JavaRuntime java) {
    ProcessResult result =
        AppProcess.run(app(java, "ports", "150").env("OTEL_JAVA_METRICS_CARDINALITY_LIMIT", "20"));

    assertThat(result.exitCode()).as(result.toString()).isZero();
    otlp.awaitMetrics(1, WAIT);
    Metric client = byName(otlp.metricRequests()).get("http.client.request.duration");
    List<HistogramDataPoint> points = client.getHistogram().getDataPointsList();
    assertThat(points).hasSize(20);
    long total = points.stream().mapToLong(HistogramDataPoint::getCount).sum();
    assertThat(total).isEqualTo(150);
    HistogramDataPoint overflow =
        points.stream()
            .filter(p -> attributes(p.getAttributesList()).containsKey("otel.metric.overflow"))
            .findFirst()
            .orElseThrow();
    assertThat(attributes(overflow.getAttributesList()))
        .containsExactly(Map.entry("otel.metric.overflow", true));
    assertThat(overflow.getCount()).isEqualTo(150 - 19);
    assertThat(result.stderr())
        .contains("http.client.request.duration reached the cardinality limit of 20");
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource(RUNTIMES)
  void prometheusEndpointIsScrapedAndScrapesAreNotTraced(JavaRuntime java) throws Exception {
    int port = freePort();
    try (AppProcess app =
        app(java, "phases", "2", "0", "linger", "6000")
            .env("OTEL_METRICS_EXPORTER", "prometheus")
            .env("OTEL_EXPORTER_PROMETHEUS_HOST", "127.0.0.1")
            .env("OTEL_EXPORTER_PROMETHEUS_PORT", Integer.toString(port))
            .env("OTEL_TRACES_EXPORTER", "otlp")
            .start()) {
      app.awaitStdout("ready", WAIT);
      HttpResponse<String> response =
          HttpClient.newHttpClient()
              .send(
                  HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/metrics"))
                      .build(),
                  HttpResponse.BodyHandlers.ofString());
      assertThat(response.statusCode()).isEqualTo(200);
      assertThat(response.headers().firstValue("content-type"))
          .hasValue("text/plain; version=0.0.4; charset=utf-8");
      Map<String, String> samples = parsePrometheus(response.body());
      assertThat(response.body())
          .contains("# TYPE http_server_request_duration_seconds histogram")
          .contains("# TYPE jvm_class_loaded_total counter")
          .contains("# TYPE jvm_memory_used_bytes gauge");
      assertThat(
              sample(
                  samples, "http_server_request_duration_seconds_count", "http_route=\"/order\""))
          .isEqualTo("2");
      assertThat(sample(samples, "http_server_request_duration_seconds_bucket", "le=\"+Inf\""))
          .isEqualTo("2");
      assertThat(sample(samples, "target_info", "service_name=\"orders\"")).isEqualTo("1");
      assertThat(Long.parseLong(sample(samples, "jvm_class_loaded_total", "otel_scope_name")))
          .isGreaterThan(500);
      assertThat(app.waitForExit(WAIT)).isZero();
    }
    // Two orders: server /order, client, server /stock each; the scrape made no span.
    List<Span> spans = otlp.awaitSpans(6, WAIT);
    assertThat(spans).hasSize(6);
    assertThat(spans)
        .filteredOn(s -> s.getKind() == Span.SpanKind.SPAN_KIND_SERVER)
        .extracting(Span::getName)
        .containsOnly("GET /order", "GET /stock");
    assertThat(otlp.metricRequests()).isEmpty();
  }

  private static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    }
  }

  /** "name{labels}" → value, for every sample line. */
  private static Map<String, String> parsePrometheus(String body) {
    Map<String, String> samples = new LinkedHashMap<>();
    for (String line : body.split("\n")) {
      if (line.isEmpty() || line.startsWith("#")) {
        continue;
      }
      int space = line.lastIndexOf(' ');
      assertThat(line).matches("[a-zA-Z_:][a-zA-Z0-9_:]*(\\{.*\\})? \\S+");
      samples.put(line.substring(0, space), line.substring(space + 1));
    }
    return samples;
  }

  private static String sample(Map<String, String> samples, String name, String labelFragment) {
    for (Map.Entry<String, String> entry : samples.entrySet()) {
      String key = entry.getKey();
      if ((key.equals(name) || key.startsWith(name + "{")) && key.contains(labelFragment)) {
        return entry.getValue();
      }
    }
    throw new AssertionError(name + " with " + labelFragment + " not in " + samples.keySet());
  }

  private static List<Metric> metrics(ExportMetricsServiceRequest request) {
    return request.getResourceMetricsList().stream()
        .flatMap(r -> r.getScopeMetricsList().stream())
        .flatMap(s -> s.getMetricsList().stream())
        .collect(Collectors.toList());
  }

  /** The last metric of each name (with the default interval there is one collection). */
  private static Map<String, Metric> byName(List<ExportMetricsServiceRequest> requests) {
    Map<String, Metric> byName = new LinkedHashMap<>();
    for (ExportMetricsServiceRequest request : requests) {
      for (Metric metric : metrics(request)) {
        byName.put(metric.getName(), metric);
      }
    }
    return byName;
  }

  private static Map<String, String> scopesByMetric(List<ExportMetricsServiceRequest> requests) {
    Map<String, String> scopes = new LinkedHashMap<>();
    for (ExportMetricsServiceRequest request : requests) {
      for (ResourceMetrics resource : request.getResourceMetricsList()) {
        for (ScopeMetrics scope : resource.getScopeMetricsList()) {
          for (Metric metric : scope.getMetricsList()) {
            scopes.put(metric.getName(), scope.getScope().getName());
          }
        }
      }
    }
    return scopes;
  }

  private static Map<String, Object> attributes(List<KeyValue> keyValues) {
    Map<String, Object> map = new LinkedHashMap<>();
    for (KeyValue kv : keyValues) {
      AnyValue value = kv.getValue();
      Object v;
      switch (value.getValueCase()) {
        case INT_VALUE:
          v = value.getIntValue();
          break;
        case BOOL_VALUE:
          v = value.getBoolValue();
          break;
        case DOUBLE_VALUE:
          v = value.getDoubleValue();
          break;
        default:
          v = value.getStringValue();
      }
      map.put(kv.getKey(), v);
    }
    return map;
  }
}
