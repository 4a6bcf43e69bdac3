package dev.weft.benchmarks.app;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.lang.management.ManagementFactory;
import java.net.HttpURLConnection;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.LongAdder;

/**
 * The overhead suite's service, on the JDK HTTP stack only (it knows nothing of any agent).
 *
 * <p>{@code POST /checkout} parses a form body ({@link Checkout}), asks a second, in-process
 * pricing server for the prices with one downstream call ({@link HttpClient} or {@link
 * HttpURLConnection}, as the body's {@code client} field says), and answers with a JSON document.
 * {@code GET /admin} reports the process's own counters (requests served, CPU time, bytes allocated
 * by all threads) for the runner to take differences of; it is not part of the load.
 *
 * <p>Usage: {@code BenchmarkApp <port>}. Runs until the process is stopped.
 */
public final class BenchmarkApp {

  private static final int WORKERS = 16;

  private final LongAdder served = new LongAdder();
  private final HttpClient httpClient =
      HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
  private final String pricesUrl;

  private BenchmarkApp(int pricingPort) {
    pricesUrl = "http://127.0.0.1:" + pricingPort + "/prices?skus=";
  }

  public static void main(String[] args) throws IOException {
    int port = Integer.parseInt(args[0]);
    // The JDK server writes headers and body separately; with Nagle on, each response then
    // waits for the client's delayed ACK (about 40 ms) and the benchmark measures TCP timers.
    System.setProperty("sun.net.httpserver.nodelay", "true");
    // The downstream service is a server of its own, with its own threads: a call from a
    // front worker never waits for a front worker, whatever the load driver's concurrency.
    HttpServer pricing = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 128);
    pricing.setExecutor(Executors.newFixedThreadPool(WORKERS));
    pricing.createContext("/prices", BenchmarkApp::prices);
    pricing.start();

    BenchmarkApp app = new BenchmarkApp(pricing.getAddress().getPort());
    HttpServer front = HttpServer.create(new InetSocketAddress("127.0.0.1", port), 128);
    ExecutorService frontWorkers = Executors.newFixedThreadPool(WORKERS);
    front.setExecutor(frontWorkers);
    front.createContext("/checkout", app::checkout);
    front.createContext("/admin", app::admin);
    front.start();
  }

  private void checkout(HttpExchange exchange) throws IOException {
    try (InputStream in = exchange.getRequestBody()) {
      Checkout order = Checkout.parse(new String(in.readAllBytes(), StandardCharsets.UTF_8));
      String url = pricesUrl + order.skuList();
      String prices = order.useHttpClient() ? viaHttpClient(url) : viaUrlConnection(url);
      respond(exchange, 200, "application/json", order.priced(prices));
      served.increment();
    } catch (IllegalArgumentException e) {
      respond(exchange, 400, "text/plain", e.getMessage());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      respond(exchange, 503, "text/plain", "interrupted");
    }
  }

  private String viaHttpClient(String url) throws IOException, InterruptedException {
    HttpResponse<String> response =
        httpClient.send(
            HttpRequest.newBuilder(URI.create(url)).build(), HttpResponse.BodyHandlers.ofString());
    if (response.statusCode() != 200) {
      throw new IOException("pricing answered " + response.statusCode());
    }
    return response.body();
  }

  private static String viaUrlConnection(String url) throws IOException {
    HttpURLConnection connection = (HttpURLConnection) new URL(url).openConnection();
    // Read to the end and close without disconnect(): the connection goes back to the JDK's
    // keep-alive cache, as a well-behaved client leaves it.
    try (InputStream in = connection.getInputStream()) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
  }

  private static void prices(HttpExchange exchange) throws IOException {
    String query = exchange.getRequestURI().getRawQuery();
    if (query == null || !query.startsWith("skus=")) {
      respond(exchange, 400, "text/plain", "skus missing");
      return;
    }
    List<String> skus = List.of(query.substring("skus=".length()).split(","));
    respond(exchange, 200, "text/plain", PriceList.of(skus));
  }

  private void admin(HttpExchange exchange) throws IOException {
    com.sun.management.ThreadMXBean threads =
        (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
    com.sun.management.OperatingSystemMXBean os =
        (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
    // Total over every thread the JVM ever ran (live and ended), agent threads included.
    String body =
        "served "
            + served.sum()
            + "\ncpu_ns "
            + os.getProcessCpuTime()
            + "\nallocated_bytes "
            + threads.getTotalThreadAllocatedBytes()
            + "\n";
    respond(exchange, 200, "text/plain", body);
  }

  private static void respond(HttpExchange exchange, int status, String type, String body)
      throws IOException {
    byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
    exchange.getResponseHeaders().set("Content-Type", type);
    exchange.sendResponseHeaders(status, bytes.length);
    try (OutputStream out = exchange.getResponseBody()) {
      out.write(bytes);
    }
  }
}
