package dev.weft.smoketest;

import com.sun.net.httpserver.HttpServer;
import io.grpc.Server;
import io.grpc.ServerServiceDefinition;
import io.grpc.Status;
import io.grpc.netty.shaded.io.grpc.netty.NettyServerBuilder;
import io.opentelemetry.proto.collector.logs.v1.ExportLogsServiceRequest;
import io.opentelemetry.proto.collector.metrics.v1.ExportMetricsServiceRequest;
import io.opentelemetry.proto.collector.trace.v1.ExportTraceServiceRequest;
import io.opentelemetry.proto.logs.v1.LogRecord;
import io.opentelemetry.proto.metrics.v1.Metric;
import io.opentelemetry.proto.trace.v1.Span;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/** A stand-in OTLP collector (HTTP/protobuf and gRPC on loopback) that decodes with otel-proto. */
public final class OtlpReceiver implements BeforeAllCallback, BeforeEachCallback, AfterAllCallback {
  public static final String HTTP_PROTOBUF = "http/protobuf";
  public static final String GRPC = "grpc";

  // OTLP clients may send up to 64 MiB (OTLP.md); gRPC's default inbound cap is 4 MiB.
  private static final int MAX_GRPC_MESSAGE_BYTES = 64 * 1024 * 1024;

  private final ReceivedTelemetry received = new ReceivedTelemetry();
  private final ResponsePlan plan = new ResponsePlan();
  private volatile HttpServer httpServer;
  private volatile ExecutorService httpExecutor;
  private volatile Server grpcServer;

  private OtlpReceiver() {}

  /**
   * A receiver on ports the OS picks. Register it as a {@code static @RegisterExtension} field: the
   * servers start before all tests and stop after them, and what was received or programmed is
   * forgotten before each test. All methods are thread-safe.
   */
  public static OtlpReceiver onFreePorts() {
    return new OtlpReceiver();
  }

  @Override
  public void beforeAll(ExtensionContext context) {
    start();
  }

  @Override
  public void beforeEach(ExtensionContext context) {
    requireStarted(httpServer); // an instance field gets no beforeAll/afterAll: say so
    reset();
  }

  @Override
  public void afterAll(ExtensionContext context) {
    stop();
  }

  /** Base URL of the OTLP/HTTP receiver, e.g. {@code http://127.0.0.1:43125}. */
  public String httpEndpoint() {
    return "http://127.0.0.1:" + requireStarted(httpServer).getAddress().getPort();
  }

  /** URL of the OTLP/gRPC receiver, e.g. {@code http://127.0.0.1:43127}. */
  public String grpcEndpoint() {
    return "http://127.0.0.1:" + requireStarted(grpcServer).getPort();
  }

  /** Exporter settings for {@code http/protobuf}. */
  public Map<String, String> exporterEnv() {
    return exporterEnv(HTTP_PROTOBUF);
  }

  /** OTEL_EXPORTER_OTLP_ENDPOINT and _PROTOCOL for {@code "http/protobuf"} or {@code "grpc"}. */
  public Map<String, String> exporterEnv(String protocol) {
    String endpoint;
    if (HTTP_PROTOBUF.equals(protocol)) {
      endpoint = httpEndpoint();
    } else if (GRPC.equals(protocol)) {
      endpoint = grpcEndpoint();
    } else {
      throw new IllegalArgumentException("this receiver speaks http/protobuf or grpc: " + protocol);
    }
    return Map.of("OTEL_EXPORTER_OTLP_ENDPOINT", endpoint, "OTEL_EXPORTER_OTLP_PROTOCOL", protocol);
  }

  /** Trace export requests answered with success, in arrival order. */
  public List<ExportTraceServiceRequest> traceRequests() {
    return received.traceRequests();
  }

  public List<ExportMetricsServiceRequest> metricRequests() {
    return received.metricRequests();
  }

  public List<ExportLogsServiceRequest> logRequests() {
    return received.logRequests();
  }

  /** All spans of all accepted trace requests, flattened. */
  public List<Span> spans() {
    return received.spans();
  }

  public List<Metric> metrics() {
    return received.metrics();
  }

  public List<LogRecord> logRecords() {
    return received.logRecords();
  }

  /** The spans once at least {@code count} arrived; fails with what did arrive otherwise. */
  public List<Span> awaitSpans(int count, Duration timeout) {
    return await(received::spans, count, timeout, "spans");
  }

  public List<Metric> awaitMetrics(int count, Duration timeout) {
    return await(received::metrics, count, timeout, "metrics");
  }

  public List<LogRecord> awaitLogRecords(int count, Duration timeout) {
    return await(received::logRecords, count, timeout, "log records");
  }

  /** Requests of any signal and transport, including those answered with a programmed failure. */
  public int requestCount() {
    return received.requestCount();
  }

  /** Headers (lower-case names) of the latest request on either transport; empty if none. */
  public Map<String, List<String>> headersOfLastRequest() {
    return received.lastHeaders();
  }

  /** Forgets what was received and any programmed responses; runs before each test. */
  public void reset() {
    received.clear();
    plan.clear();
  }

  /** The next {@code times} OTLP/HTTP requests get {@code httpStatus} (and are not stored). */
  public void respondWith(int httpStatus, int times) {
    plan.failHttp(httpStatus, null, times);
  }

  /** Like {@link #respondWith} with a {@code Retry-After} header (seconds or an HTTP-date). */
  public void respondWithRetryAfter(int httpStatus, String retryAfter, int times) {
    plan.failHttp(httpStatus, retryAfter, times);
  }

  /** The next {@code times} OTLP/gRPC calls fail with {@code code} (and are not stored). */
  public void respondWithStatus(Status.Code code, int times) {
    plan.failGrpc(code, times);
  }

  /** The next {@code times} accepted requests (either transport) report a partial success. */
  public void respondWithPartialSuccess(long rejected, String message, int times) {
    plan.partialSuccess(rejected, message, times);
  }

  @Override
  public String toString() {
    return httpServer == null
        ? "OtlpReceiver (not started)"
        : "OtlpReceiver http=" + httpEndpoint() + " grpc=" + grpcEndpoint();
  }

  private synchronized void start() {
    if (httpServer != null) {
      return;
    }
    InetAddress loopback = InetAddress.getLoopbackAddress();
    try {
      HttpServer http = HttpServer.create(new InetSocketAddress(loopback, 0), 0);
      http.createContext("/", new OtlpHttpHandler(received, plan));
      httpExecutor = Executors.newFixedThreadPool(4, daemonThreads("otlp-http-receiver"));
      http.setExecutor(httpExecutor);
      http.start();
      httpServer = http;

      NettyServerBuilder grpc =
          NettyServerBuilder.forAddress(new InetSocketAddress(loopback, 0))
              .maxInboundMessageSize(MAX_GRPC_MESSAGE_BYTES);
      for (ServerServiceDefinition service : new OtlpGrpcServices(received, plan).definitions()) {
        grpc.addService(service);
      }
      grpcServer = grpc.build().start();
    } catch (IOException e) {
      stop();
      throw new UncheckedIOException("cannot start the OTLP receiver", e);
    }
  }

  private synchronized void stop() {
    if (httpServer != null) {
      httpServer.stop(0);
      httpExecutor.shutdownNow();
      httpServer = null;
    }
    if (grpcServer != null) {
      try {
        grpcServer.shutdownNow().awaitTermination(5, TimeUnit.SECONDS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
      grpcServer = null;
    }
  }

  private <T> List<T> await(Supplier<List<T>> items, int count, Duration timeout, String what) {
    List<T> result;
    try {
      result = received.await(items, count, timeout);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AssertionError("interrupted while waiting for " + what, e);
    }
    if (result == null) {
      throw new AssertionError(
          "expected at least "
              + count
              + " "
              + what
              + " within "
              + timeout
              + ", got "
              + items.get().size()
              + ". "
              + received.summary());
    }
    return result;
  }

  private static <T> T requireStarted(T server) {
    if (server == null) {
      throw new IllegalStateException(
          "OtlpReceiver is not running: register it as a static @RegisterExtension field");
    }
    return server;
  }

  private static ThreadFactory daemonThreads(String name) {
    AtomicInteger counter = new AtomicInteger();
    return runnable -> {
      Thread thread = new Thread(runnable, name + "-" + counter.incrementAndGet());
      thread.setDaemon(true);
      return thread;
    };
  }
}
