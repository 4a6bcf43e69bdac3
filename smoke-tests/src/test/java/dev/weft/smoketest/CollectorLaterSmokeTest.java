package dev.weft.smoketest;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.weft.smoketest.apps.CheckoutApp;
import io.opentelemetry.proto.collector.trace.v1.ExportTraceServiceRequest;
import io.opentelemetry.proto.collector.trace.v1.ExportTraceServiceResponse;
import io.opentelemetry.proto.trace.v1.ResourceSpans;
import io.opentelemetry.proto.trace.v1.ScopeSpans;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The collector is down when the application starts and comes up later: requests are not held up
 * while it is down, and the spans still arrive because the exporter retries.
 */
class CollectorLaterSmokeTest {

  private static final Pattern LATENCY = Pattern.compile("in (\\d+) ms");
  private static final int CHECKOUTS = 3;

  @ParameterizedTest(name = "{0}")
  @MethodSource("dev.weft.smoketest.JavaRuntimes#all")
  void spansReachACollectorThatStartsLate(JavaRuntime java) throws Exception {
    int port = freePort();
    AtomicInteger received = new AtomicInteger();
    try (AppProcess app =
        AppProcess.builder(java)
            .mainClass(CheckoutApp.class.getName())
            .withAgent()
            .env("OTEL_EXPORTER_OTLP_ENDPOINT", "http://127.0.0.1:" + port)
            .env("OTEL_BSP_SCHEDULE_DELAY", "100")
            .env("OTEL_METRICS_EXPORTER", "none")
            .env("OTEL_LOGS_EXPORTER", "none")
            .args(Integer.toString(CHECKOUTS), "-", "20000")
            .start()) {
      List<Long> latencies = awaitLatencies(app);
      // A blocked request thread would wait out the 10 s export timeout; these take milliseconds.
      assertThat(latencies).hasSize(CHECKOUTS).allSatisfy(ms -> assertThat(ms).isLessThan(3000));

      HttpServer collector = collectorOn(port, received);
      try {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        while (received.get() < CHECKOUTS * 3 && System.nanoTime() < deadline) {
          Thread.onSpinWait();
        }
      } finally {
        collector.stop(0);
      }
      assertThat(received.get()).as(app.stderr()).isEqualTo(CHECKOUTS * 3);
    }
  }

  private static List<Long> awaitLatencies(AppProcess app) {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
    List<Long> latencies = new ArrayList<>();
    while (System.nanoTime() < deadline) {
      latencies.clear();
      Matcher matcher = LATENCY.matcher(app.stdout());
      while (matcher.find()) {
        latencies.add(Long.parseLong(matcher.group(1)));
      }
      if (latencies.size() >= CHECKOUTS || !app.isAlive()) {
        break;
      }
      Thread.onSpinWait();
    }
    return latencies;
  }

  /** A late collector: decodes each export with the official classes and counts its spans. */
  private static HttpServer collectorOn(int port, AtomicInteger spans) throws IOException {
    HttpServer server =
        HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 0);
    server.createContext("/v1/traces", exchange -> accept(exchange, spans));
    server.start();
    return server;
  }

  private static void accept(HttpExchange exchange, AtomicInteger spans) throws IOException {
    try (InputStream in = exchange.getRequestBody()) {
      ExportTraceServiceRequest request = ExportTraceServiceRequest.parseFrom(in);
      for (ResourceSpans resource : request.getResourceSpansList()) {
        for (ScopeSpans scope : resource.getScopeSpansList()) {
          spans.addAndGet(scope.getSpansCount());
        }
      }
    }
    byte[] body = ExportTraceServiceResponse.getDefaultInstance().toByteArray();
    exchange.getResponseHeaders().add("Content-Type", "application/x-protobuf");
    exchange.sendResponseHeaders(200, body.length == 0 ? -1 : body.length);
    try (OutputStream out = exchange.getResponseBody()) {
      out.write(body);
    }
  }

  private static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      return socket.getLocalPort();
    }
  }
}
