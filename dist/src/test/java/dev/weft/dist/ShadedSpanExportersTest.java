package dev.weft.dist;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import dev.weft.bootstrap.AgentClassLoader;
import io.grpc.Server;
import io.grpc.netty.shaded.io.grpc.netty.NettyServerBuilder;
import io.grpc.stub.StreamObserver;
import io.opentelemetry.proto.collector.trace.v1.ExportTraceServiceRequest;
import io.opentelemetry.proto.collector.trace.v1.ExportTraceServiceResponse;
import io.opentelemetry.proto.collector.trace.v1.TraceServiceGrpc;
import io.opentelemetry.proto.trace.v1.Span;
import java.io.File;
import java.io.InputStream;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The exporters as shipped: relocated and minimized inside weft-agent.jar, loaded by the agent's
 * own class loader, sending to real receivers that decode with the official OTLP classes. Catches
 * what unit tests cannot: a relocation or minimization that breaks gRPC's provider lookups.
 */
class ShadedSpanExportersTest {

  private AgentClassLoader agent;

  @BeforeEach
  void openAgentJar() throws Exception {
    agent = new AgentClassLoader(new File(System.getProperty("weft.agent.jar")), new Bootstrap());
  }

  @Test
  void httpProtobufFromTheAgentJar() throws Exception {
    BlockingQueue<byte[]> bodies = new LinkedBlockingQueue<>();
    HttpServer server =
        HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    server.createContext(
        "/v1/traces",
        exchange -> {
          try (InputStream in = exchange.getRequestBody()) {
            bodies.add(in.readAllBytes());
          }
          exchange.sendResponseHeaders(200, -1);
          exchange.close();
        });
    server.start();
    try {
      String endpoint = "http://127.0.0.1:" + server.getAddress().getPort();
      Object exporter = exporter("http/protobuf", endpoint, "none");

      assertThat(export(exporter)).hasToString("SUCCESS");
      byte[] body = bodies.poll(10, TimeUnit.SECONDS);
      assertThat(body).isNotNull();
      assertThat(onlySpan(ExportTraceServiceRequest.parseFrom(body)).getName())
          .isEqualTo("shaded span");
    } finally {
      server.stop(0);
    }
  }

  @Test
  void grpcWithGzipFromTheAgentJar() throws Exception {
    BlockingQueue<ExportTraceServiceRequest> requests = new LinkedBlockingQueue<>();
    Server server =
        NettyServerBuilder.forAddress(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0))
            .addService(
                new TraceServiceGrpc.TraceServiceImplBase() {
                  @Override
                  public void export(
                      ExportTraceServiceRequest request,
                      StreamObserver<ExportTraceServiceResponse> response) {
                    requests.add(request);
                    response.onNext(ExportTraceServiceResponse.getDefaultInstance());
                    response.onCompleted();
                  }
                })
            .build()
            .start();
    try {
      Object exporter = exporter("grpc", "http://127.0.0.1:" + server.getPort(), "gzip");

      assertThat(export(exporter)).hasToString("SUCCESS");
      ExportTraceServiceRequest request = requests.poll(10, TimeUnit.SECONDS);
      assertThat(request).isNotNull();
      assertThat(onlySpan(request).getName()).isEqualTo("shaded span");
      agent
          .loadClass("dev.weft.sdk.trace.export.SpanExporter")
          .getMethod("shutdown")
          .invoke(exporter);
    } finally {
      server.shutdownNow();
    }
  }

  private Object exporter(String protocol, String endpoint, String compression) throws Exception {
    Map<String, String> properties = new HashMap<>();
    properties.put("otel.exporter.otlp.protocol", protocol);
    properties.put("otel.exporter.otlp.endpoint", endpoint);
    properties.put("otel.exporter.otlp.compression", compression);
    Class<?> configType = agent.loadClass("dev.weft.core.config.ConfigProperties");
    Class<?> settingsType = agent.loadClass("dev.weft.core.config.AgentSettings");
    Object config =
        configType
            .getMethod("create", Map.class, Map.class, Map.class)
            .invoke(null, properties, Map.of(), Map.of());
    Object settings = settingsType.getMethod("read", configType).invoke(null, config);
    return agent
        .loadClass("dev.weft.sdk.export.SpanExporters")
        .getMethod("create", configType, settingsType)
        .invoke(null, config, settings);
  }

  private Object export(Object exporter) throws Exception {
    Method export =
        agent
            .loadClass("dev.weft.sdk.trace.export.SpanExporter")
            .getMethod("export", Collection.class, long.class);
    return export.invoke(exporter, List.of(span()), TimeUnit.SECONDS.toNanos(10));
  }

  /** A SpanData of the agent's class loader, as a proxy over plain values. */
  private Object span() throws Exception {
    Class<?> traceState = agent.loadClass("dev.weft.core.api.trace.TraceState");
    Class<?> spanContext = agent.loadClass("dev.weft.core.api.trace.SpanContext");
    Map<String, Object> values = new HashMap<>();
    values.put("name", "shaded span");
    values.put("kind", constant("dev.weft.core.api.trace.SpanKind", "SERVER"));
    values.put(
        "spanContext",
        spanContext
            .getMethod("create", long.class, long.class, long.class, byte.class, traceState)
            .invoke(null, 1L, 2L, 3L, (byte) 1, traceState.getMethod("empty").invoke(null)));
    values.put("parentSpanContext", spanContext.getMethod("invalid").invoke(null));
    values.put("startEpochNanos", 1_000L);
    values.put("endEpochNanos", 2_000L);
    values.put("attributes", staticCall("dev.weft.core.api.common.Attributes", "empty"));
    values.put("events", List.of());
    values.put("links", List.of());
    values.put("statusCode", constant("dev.weft.core.api.trace.StatusCode", "UNSET"));
    values.put("statusDescription", "");
    values.put(
        "instrumentationScope",
        agent
            .loadClass("dev.weft.sdk.common.InstrumentationScope")
            .getMethod("of", String.class, String.class)
            .invoke(null, "scope", "1.0"));
    values.put("resource", staticCall("dev.weft.sdk.resources.Resource", "empty"));
    Class<?> spanData = agent.loadClass("dev.weft.sdk.trace.data.SpanData");
    return Proxy.newProxyInstance(
        agent,
        new Class<?>[] {spanData},
        (proxy, method, args) -> {
          if (method.getName().startsWith("dropped")) {
            return 0;
          }
          return method.getName().equals("toString") ? "shaded span" : values.get(method.getName());
        });
  }

  private Object constant(String enumType, String name) throws Exception {
    return agent.loadClass(enumType).getField(name).get(null);
  }

  private Object staticCall(String type, String method) throws Exception {
    return agent.loadClass(type).getMethod(method).invoke(null);
  }

  private static Span onlySpan(ExportTraceServiceRequest request) {
    assertThat(request.getResourceSpansCount()).isEqualTo(1);
    assertThat(request.getResourceSpans(0).getScopeSpansCount()).isEqualTo(1);
    assertThat(request.getResourceSpans(0).getScopeSpans(0).getSpansCount()).isEqualTo(1);
    return request.getResourceSpans(0).getScopeSpans(0).getSpans(0);
  }

  /**
   * What the bootstrap class path gives the agent loader in a real JVM: {@code dev.weft.bootstrap}
   * (here from the test class path), and the JDK.
   */
  private static final class Bootstrap extends ClassLoader {
    Bootstrap() {
      super("bootstrap-like", ClassLoader.getPlatformClassLoader());
    }

    @Override
    protected Class<?> loadClass(String name, boolean resolve) throws ClassNotFoundException {
      if (name.startsWith("dev.weft.bootstrap.")) {
        return ShadedSpanExportersTest.class.getClassLoader().loadClass(name);
      }
      return super.loadClass(name, resolve);
    }
  }
}
