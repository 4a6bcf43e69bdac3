package dev.weft.sdk.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import dev.weft.bootstrap.context.Context;
import dev.weft.core.api.common.AttributeKey;
import dev.weft.core.api.common.Attributes;
import dev.weft.core.api.instrumenter.Instrumenter;
import dev.weft.core.api.instrumenter.Operation;
import dev.weft.core.api.propagation.Propagators;
import dev.weft.core.api.semconv.http.HttpClientAttributesGetter;
import dev.weft.core.api.semconv.http.HttpClientSemconv;
import dev.weft.core.api.semconv.http.HttpServerAttributesGetter;
import dev.weft.core.api.semconv.http.HttpServerSemconv;
import dev.weft.core.api.semconv.http.HttpSettings;
import dev.weft.core.api.trace.SpanContext;
import dev.weft.core.api.trace.SpanKind;
import dev.weft.core.api.trace.TracerProvider;
import dev.weft.sdk.metrics.data.HistogramPointData;
import dev.weft.sdk.metrics.data.MetricData;
import dev.weft.sdk.resources.Resource;
import dev.weft.sdk.trace.SdkTracerProvider;
import dev.weft.sdk.trace.samplers.Sampler;
import java.io.IOException;
import java.util.List;
import org.junit.jupiter.api.Test;

/** HTTP duration metrics from the real instrumenter into the real metrics SDK. */
class HttpDurationMetricsTest {

  private static final List<Double> ADVISED =
      List.of(0.005, 0.01, 0.025, 0.05, 0.075, 0.1, 0.25, 0.5, 0.75, 1.0, 2.5, 5.0, 7.5, 10.0);

  private final ManualReader reader = new ManualReader(TemporalityPreference.CUMULATIVE);
  private final SdkMeterProvider meters =
      SdkMeterProvider.create(
          Resource.empty(),
          new MetricsConfig(
              2000, ExemplarFilter.TRACE_BASED, TemporalityPreference.CUMULATIVE, false),
          List.of(reader));

  /** A request as a library would describe it. */
  static final class Request {
    String method = "GET";
    String path = "/users/42?x=1";
    String route = "/users/{id}";
    String host = "shop.example";
    int port = 8080;
  }

  static final class ServerGetter implements HttpServerAttributesGetter<Request, Integer> {
    @Override
    public String method(Request request) {
      return request.method;
    }

    @Override
    public String urlScheme(Request request) {
      return "http";
    }

    @Override
    public String urlPath(Request request) {
      return request.path;
    }

    @Override
    public String urlQuery(Request request) {
      return "x=1";
    }

    @Override
    public String route(Request request) {
      return request.route;
    }

    @Override
    public List<String> requestHeader(Request request, String name) {
      return name.equals("host") ? List.of(request.host + ":" + request.port) : List.of();
    }

    @Override
    public int statusCode(Request request, Integer status, Throwable error) {
      return status == null ? 0 : status;
    }

    @Override
    public String networkProtocolVersion(Request request, Integer status) {
      return "1.1";
    }
  }

  static final class ClientGetter implements HttpClientAttributesGetter<Request, Integer> {
    @Override
    public String method(Request request) {
      return request.method;
    }

    @Override
    public String urlFull(Request request) {
      return "http://" + request.host + ":" + request.port + request.path;
    }

    @Override
    public String serverAddress(Request request) {
      return request.host;
    }

    @Override
    public int serverPort(Request request) {
      return request.port;
    }

    @Override
    public int statusCode(Request request, Integer status, Throwable error) {
      return status == null ? 0 : status;
    }

    @Override
    public String networkProtocolVersion(Request request, Integer status) {
      return "1.1";
    }
  }

  private Instrumenter<Request, Integer> server(TracerProvider tracers) {
    return Instrumenter.<Request, Integer>builder("java-http-server", SpanKind.SERVER)
        .semconv(HttpServerSemconv.create(new ServerGetter(), HttpSettings.defaults()))
        .tracerProvider(tracers)
        .meterProvider(meters)
        .propagator(Propagators.noop())
        .build();
  }

  private Instrumenter<Request, Integer> client() {
    return Instrumenter.<Request, Integer>builder("java-http-client", SpanKind.CLIENT)
        .semconv(HttpClientSemconv.create(new ClientGetter(), HttpSettings.defaults()))
        .tracerProvider(SdkTracerProvider.builder().sampler(Sampler.alwaysOff()).build())
        .meterProvider(meters)
        .propagator(Propagators.noop())
        .build();
  }

  private HistogramPointData onlyPoint(String name) {
    MetricData metric = reader.collect(name);
    assertThat(metric.unit()).isEqualTo("s");
    assertThat(metric.points()).hasSize(1);
    return (HistogramPointData) metric.points().get(0);
  }

  @Test
  void serverDurationHasExactlyTheStableAttributesAndAnExemplar() {
    Instrumenter<Request, Integer> instrumenter =
        server(SdkTracerProvider.builder().sampler(Sampler.alwaysOn()).build());
    Operation<Request, Integer> operation = instrumenter.start(Context.root(), new Request());
    SpanContext span = operation.span().spanContext();
    operation.end(500, null);

    HistogramPointData point = onlyPoint("http.server.request.duration");
    assertThat(point.attributes())
        .isEqualTo(
            Attributes.builder()
                .put("http.request.method", "GET")
                .put("url.scheme", "http")
                .put("http.route", "/users/{id}")
                .put("network.protocol.version", "1.1")
                .put(AttributeKey.longKey("http.response.status_code"), 500L)
                .put("error.type", "500")
                .build());
    assertThat(point.count()).isEqualTo(1);
    assertThat(point.boundaries()).containsExactly(ADVISED.stream().mapToDouble(d -> d).toArray());
    assertThat(point.exemplars()).hasSize(1);
    assertThat(point.exemplars().get(0).traceIdLow()).isEqualTo(span.traceIdLow());
    assertThat(point.exemplars().get(0).spanId()).isEqualTo(span.spanId());
  }

  @Test
  void unsampledRequestsAreMeasuredWithoutExemplarAndUnknownMethodsAreOther() {
    Instrumenter<Request, Integer> instrumenter =
        server(SdkTracerProvider.builder().sampler(Sampler.alwaysOff()).build());
    Request request = new Request();
    request.method = "PURGE";
    request.route = null;
    instrumenter.start(Context.root(), request).end(404, null);

    HistogramPointData point = onlyPoint("http.server.request.duration");
    assertThat(point.attributes().get(AttributeKey.stringKey("http.request.method")))
        .isEqualTo("_OTHER");
    assertThat(point.attributes().get(AttributeKey.stringKey("http.route"))).isNull();
    assertThat(point.attributes().get(AttributeKey.stringKey("error.type"))).isNull(); // 4xx: no
    assertThat(point.exemplars()).isEmpty();
  }

  @Test
  void clientDurationNamesTheServerAndTheFailure() {
    Instrumenter<Request, Integer> instrumenter = client();
    instrumenter.start(Context.root(), new Request()).end(null, new IOException("reset"));
    instrumenter.start(Context.root(), new Request()).end(200, null);

    MetricData metric = reader.collect("http.client.request.duration");
    assertThat(metric.points())
        .extracting(PointDataAttributes::of)
        .containsExactlyInAnyOrder(
            "{http.request.method=GET, server.address=shop.example, server.port=8080,"
                + " network.protocol.version=1.1, error.type=java.io.IOException}",
            "{http.request.method=GET, server.address=shop.example, server.port=8080,"
                + " network.protocol.version=1.1, http.response.status_code=200}");
  }

  /** Attributes as text, in insertion order, for exact comparisons. */
  static final class PointDataAttributes {
    static String of(dev.weft.sdk.metrics.data.PointData point) {
      return point.attributes().toString();
    }
  }
}
