package dev.weft.sdk.export.prometheus;

import static org.assertj.core.api.Assertions.assertThat;

import dev.weft.core.api.common.Attributes;
import dev.weft.core.api.metrics.Meter;
import dev.weft.sdk.metrics.MetricsConfig;
import dev.weft.sdk.metrics.SdkMeterProvider;
import dev.weft.sdk.resources.Resource;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** A real scrape over HTTP of the pull endpoint, parsed line by line. */
class PrometheusReaderTest {

  // name{labels} value: the sample line grammar of the text format.
  private static final Pattern SAMPLE =
      Pattern.compile("([a-zA-Z_:][a-zA-Z0-9_:]*)(\\{(.*)\\})? (\\S+)");

  private PrometheusReader reader;
  private SdkMeterProvider provider;

  @BeforeEach
  void start() {
    reader = new PrometheusReader("127.0.0.1", 0);
    provider =
        SdkMeterProvider.create(
            Resource.create(Attributes.builder().put("service.name", "shop").build()),
            MetricsConfig.defaults(),
            List.of(reader));
  }

  @AfterEach
  void stop() {
    provider.shutdown(1, TimeUnit.SECONDS);
  }

  private String scrape() throws Exception {
    HttpResponse<String> response =
        HttpClient.newHttpClient()
            .send(
                HttpRequest.newBuilder(
                        URI.create("http://127.0.0.1:" + reader.boundPort() + "/metrics"))
                    .build(),
                HttpResponse.BodyHandlers.ofString());
    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(response.headers().firstValue("Content-Type"))
        .hasValue("text/plain; version=0.0.4; charset=utf-8");
    for (String line : response.body().split("\n")) {
      if (!line.startsWith("#")) {
        assertThat(SAMPLE.matcher(line).matches()).as(line).isTrue();
      }
    }
    return response.body();
  }

  private static String value(String body, String name, String labelFragment) {
    for (String line : body.split("\n")) {
      Matcher m = SAMPLE.matcher(line);
      if (m.matches()
          && m.group(1).equals(name)
          && (labelFragment == null
              || (m.group(3) != null && m.group(3).contains(labelFragment)))) {
        return m.group(4);
      }
    }
    throw new AssertionError(name + " {" + labelFragment + "} not in\n" + body);
  }

  @Test
  void scrapeShowsCountersGaugesAndHistogramsWithTranslatedNames() throws Exception {
    Meter meter = provider.get("io.opentelemetry.java-http-server", "1.0");
    meter
        .instrument("http.server.requests")
        .unit("{request}")
        .longCounter()
        .add(3, Attributes.builder().put("http.request.method", "GET").build());
    meter
        .instrument("jvm.memory.used")
        .unit("By")
        .longUpDownCounter()
        .add(1024, Attributes.builder().put("jvm.memory.pool.name", "G1 \"Eden\"").build());
    meter.instrument("jvm.cpu.recent_utilization").unit("1").doubleGauge().set(0.5);
    var duration =
        meter
            .instrument("http.server.request.duration")
            .unit("s")
            .buckets(List.of(0.1, 1.0))
            .doubleHistogram();
    duration.record(0.05);
    duration.record(0.5);
    duration.record(5);

    String body = scrape();

    assertThat(body).contains("# TYPE http_server_requests_total counter");
    assertThat(value(body, "http_server_requests_total", "http_request_method=\"GET\""))
        .isEqualTo("3");
    assertThat(body).contains("otel_scope_name=\"io.opentelemetry.java-http-server\"");
    assertThat(body).contains("otel_scope_version=\"1.0\"");
    assertThat(body).contains("# TYPE jvm_memory_used_bytes gauge");
    assertThat(value(body, "jvm_memory_used_bytes", "jvm_memory_pool_name=\"G1 \\\"Eden\\\"\""))
        .isEqualTo("1024");
    assertThat(value(body, "jvm_cpu_recent_utilization_ratio", null)).isEqualTo("0.5");
    assertThat(body).contains("# TYPE http_server_request_duration_seconds histogram");
    assertThat(value(body, "http_server_request_duration_seconds_bucket", "le=\"0.1\""))
        .isEqualTo("1");
    assertThat(value(body, "http_server_request_duration_seconds_bucket", "le=\"1.0\""))
        .isEqualTo("2");
    assertThat(value(body, "http_server_request_duration_seconds_bucket", "le=\"+Inf\""))
        .isEqualTo("3");
    assertThat(value(body, "http_server_request_duration_seconds_count", null)).isEqualTo("3");
    assertThat(Double.parseDouble(value(body, "http_server_request_duration_seconds_sum", null)))
        .isEqualTo(5.55, org.assertj.core.data.Offset.offset(1e-9));
    assertThat(value(body, "target_info", "service_name=\"shop\"")).isEqualTo("1");
  }

  @Test
  void scrapesAreCumulative() throws Exception {
    var counter = provider.get("s", null).instrument("jobs").longCounter();
    counter.add(2);
    assertThat(value(scrape(), "jobs_total", null)).isEqualTo("2");
    counter.add(3);
    assertThat(value(scrape(), "jobs_total", null)).isEqualTo("5");
  }

  @Test
  void unitWords() {
    assertThat(PrometheusText.unitWord("By/s", false)).isEqualTo("bytes_per_second");
    assertThat(PrometheusText.unitWord("ms", false)).isEqualTo("milliseconds");
    assertThat(PrometheusText.unitWord("{thread}", false)).isEmpty();
    assertThat(PrometheusText.unitWord("1", false)).isEmpty();
    assertThat(PrometheusText.unitWord("1", true)).isEqualTo("ratio");
    assertThat(PrometheusText.sanitize("http.server.request-duration", true))
        .isEqualTo("http_server_request_duration");
    assertThat(PrometheusText.sanitize("1st", false)).isEqualTo("_1st");
  }
}
