package dev.weft.smoketest.apps;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * {@code GET /checkout} calls {@code GET /price} on itself with the JDK HttpClient. The checkouts
 * themselves are sent over a plain socket, as an uninstrumented outside caller would. Arguments:
 * the number of checkouts, optionally a {@code traceparent} to send with the first one ({@code -}
 * for none), and how long to stay up afterwards in milliseconds. Prints, per checkout, the {@code
 * traceparent} the /price handler received.
 */
public final class CheckoutApp {

  private static final HttpClient client =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

  public static void main(String[] args) throws Exception {
    int checkouts = args.length > 0 ? Integer.parseInt(args[0]) : 1;
    String incoming = args.length > 1 && !args[1].equals("-") ? args[1] : null;
    long lingerMillis = args.length > 2 ? Long.parseLong(args[2]) : 0;
    ExecutorService executor = Executors.newFixedThreadPool(4);
    HttpServer server =
        HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    String base = "http://127.0.0.1:" + server.getAddress().getPort();
    server.createContext("/price", exchange -> respond(exchange, header(exchange)));
    server.createContext("/checkout", exchange -> checkout(exchange, base));
    server.setExecutor(executor);
    server.start();
    try {
      for (int i = 0; i < checkouts; i++) {
        long start = System.nanoTime();
        String body =
            rawGet(server.getAddress().getPort(), "/checkout?item=" + i, i == 0 ? incoming : null);
        long millis = (System.nanoTime() - start) / 1_000_000;
        System.out.println("checkout price-saw " + body + " in " + millis + " ms");
      }
      Thread.sleep(lingerMillis); // lets a test bring a collector up while this JVM still runs
    } finally {
      server.stop(0);
      executor.shutdownNow();
    }
  }

  /** HTTP/1.1 over a socket: no instrumented client is involved. */
  private static String rawGet(int port, String path, String traceparent) throws IOException {
    try (Socket socket = new Socket(InetAddress.getLoopbackAddress(), port)) {
      socket.setSoTimeout(10_000);
      String request =
          "GET "
              + path
              + " HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n"
              + (traceparent == null ? "" : "traceparent: " + traceparent + "\r\n")
              + "\r\n";
      socket.getOutputStream().write(request.getBytes(StandardCharsets.US_ASCII));
      String response = new String(socket.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      return response.substring(response.indexOf("\r\n\r\n") + 4);
    }
  }

  private static void checkout(HttpExchange exchange, String base) throws IOException {
    try {
      HttpResponse<String> price =
          client.send(
              HttpRequest.newBuilder(URI.create(base + "/price")).build(),
              HttpResponse.BodyHandlers.ofString());
      respond(exchange, price.body());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      respond(exchange, "interrupted");
    }
  }

  private static String header(HttpExchange exchange) {
    String traceparent = exchange.getRequestHeaders().getFirst("traceparent");
    return traceparent == null ? "none" : traceparent;
  }

  private static void respond(HttpExchange exchange, String body) throws IOException {
    byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
    exchange.sendResponseHeaders(200, bytes.length);
    try (OutputStream out = exchange.getResponseBody()) {
      out.write(bytes);
    }
  }
}
