package dev.weft.sdk.export.prometheus;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.weft.bootstrap.WeftLogger;
import dev.weft.bootstrap.context.Context;
import dev.weft.core.api.Suppression;
import dev.weft.core.api.metrics.InstrumentType;
import dev.weft.core.config.ConfigProperties;
import dev.weft.sdk.metrics.data.AggregationTemporality;
import dev.weft.sdk.metrics.export.MetricProducer;
import dev.weft.sdk.metrics.export.MetricReader;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

/**
 * {@code otel.metrics.exporter=prometheus}: a pull endpoint on {@code
 * otel.exporter.prometheus.host}:{@code otel.exporter.prometheus.port} (default 0.0.0.0:9464)
 * answering every path with the Prometheus text format; each scrape collects (cumulative). The
 * JDK's HTTP server handles requests on one daemon thread whose context suppresses instrumentation,
 * so Weft's own java-http-server instrumentation never traces a scrape.
 */
public final class PrometheusReader implements MetricReader {

  private static final WeftLogger log = WeftLogger.get("prometheus");
  private static final String CONTENT_TYPE = "text/plain; version=0.0.4; charset=utf-8";

  private final String host;
  private final int port;
  private volatile HttpServer server;
  private volatile ExecutorService executor;

  PrometheusReader(String host, int port) {
    this.host = host;
    this.port = port;
  }

  public static PrometheusReader fromConfig(ConfigProperties config) {
    String host = config.getString("otel.exporter.prometheus.host", "0.0.0.0");
    int port = config.getInt("otel.exporter.prometheus.port", 9464);
    if (port < 0 || port > 65535) {
      log.warn("otel.exporter.prometheus.port=" + port + " is not a port; using 9464");
      port = 9464;
    }
    return new PrometheusReader(host, port);
  }

  @Override
  public AggregationTemporality temporality(InstrumentType type) {
    return AggregationTemporality.CUMULATIVE;
  }

  @Override
  public boolean exponentialHistograms() {
    return false;
  }

  @Override
  public void start(MetricProducer producer) {
    // The JDK server's dispatcher thread inherits the daemon flag of the thread that starts the
    // server: started from the application's main thread it would keep the JVM from exiting.
    Thread starter = new Thread(() -> bind(producer), "weft-prometheus-start");
    starter.setDaemon(true);
    starter.start();
    try {
      starter.join();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private void bind(MetricProducer producer) {
    try {
      HttpServer created = HttpServer.create(new InetSocketAddress(host, port), 8);
      ExecutorService pool =
          Executors.newSingleThreadExecutor(
              task -> {
                Thread thread =
                    new Thread(
                        () -> {
                          // The whole life of this thread runs suppressed: no spans for scrapes.
                          Suppression.suppress(Context.root()).makeCurrent();
                          task.run();
                        },
                        "weft-prometheus");
                thread.setDaemon(true);
                return thread;
              });
      created.setExecutor(pool);
      created.createContext("/", exchange -> scrape(exchange, producer));
      created.start();
      server = created;
      executor = pool;
    } catch (IOException | RuntimeException e) {
      log.warn(
          "Prometheus endpoint could not listen on "
              + host
              + ":"
              + port
              + " (otel.exporter.prometheus.host/port): "
              + e);
    }
  }

  private static void scrape(HttpExchange exchange, MetricProducer producer) throws IOException {
    try {
      byte[] body;
      int status = 200;
      try {
        body = PrometheusText.write(producer.collect()).getBytes(StandardCharsets.UTF_8);
      } catch (RuntimeException e) {
        log.warnEvery("scrape", 60_000, "Prometheus scrape failed: " + e);
        body = new byte[0];
        status = 500;
      }
      exchange.getResponseHeaders().set("Content-Type", CONTENT_TYPE);
      boolean head = "HEAD".equals(exchange.getRequestMethod());
      exchange.sendResponseHeaders(status, head || body.length == 0 ? -1 : body.length);
      if (!head && body.length > 0) {
        try (OutputStream out = exchange.getResponseBody()) {
          out.write(body);
        }
      }
    } finally {
      exchange.close(); // HttpExchange is AutoCloseable only from JDK 14
    }
  }

  /** The bound port (for tests with port 0), or -1 when not listening. */
  public int boundPort() {
    HttpServer current = server;
    return current == null ? -1 : current.getAddress().getPort();
  }

  @Override
  public boolean shutdown(long timeoutNanos) {
    HttpServer current = server;
    if (current != null) {
      current.stop(0);
      executor.shutdown();
      try {
        executor.awaitTermination(
            Math.min(timeoutNanos, TimeUnit.SECONDS.toNanos(1)), TimeUnit.NANOSECONDS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
    return true;
  }

  @Override
  public String toString() {
    return "prometheus " + host + ":" + port;
  }
}
