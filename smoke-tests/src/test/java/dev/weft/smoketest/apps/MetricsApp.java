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
 * Traffic for the metrics smoke tests. {@code phases <n1,n2,...> <pauseMillis>}: {@code GET /order}
 * requests (each calling {@code GET /stock} on itself with HttpClient) in phases separated by
 * pauses, printing {@code phase <i> done} after each. {@code ports <n>}: HttpClient calls to {@code
 * n} different closed ports on 127.0.0.1, i.e. {@code n} distinct {@code server.port} values.
 * {@code gc} (optional): one {@code System.gc()}. {@code linger <millis>} (optional): stay up
 * before exiting, printing {@code ready} first.
 */
public final class MetricsApp {

  private static final HttpClient client =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

  public static void main(String[] args) throws Exception {
    ExecutorService executor = Executors.newFixedThreadPool(4);
    HttpServer server =
        HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    int port = server.getAddress().getPort();
    server.createContext("/stock", exchange -> respond(exchange, 200, "7"));
    server.createContext("/order", exchange -> order(exchange, port));
    server.setExecutor(executor);
    server.start();
    try {
      if (args[0].equals("phases")) {
        String[] counts = args[1].split(",");
        long pause = Long.parseLong(args[2]);
        for (int phase = 0; phase < counts.length; phase++) {
          for (int i = 0; i < Integer.parseInt(counts[phase]); i++) {
            rawGet(port, "/order?item=" + i);
          }
          System.out.println("phase " + phase + " done");
          if (phase < counts.length - 1) {
            Thread.sleep(pause);
          }
        }
      } else if (args[0].equals("ports")) {
        int n = Integer.parseInt(args[1]);
        for (int i = 0; i < n; i++) {
          try {
            client.send(
                HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + (21000 + i) + "/x"))
                    .build(),
                HttpResponse.BodyHandlers.discarding());
          } catch (IOException expected) {
            // refused: still one client operation with its own server.port
          }
        }
        System.out.println("ports done");
      }
      if (indexOf(args, "gc") >= 0) {
        System.gc(); // a collection for jvm.gc.duration; its notification arrives asynchronously
        Thread.sleep(500);
      }
      int linger = indexOf(args, "linger");
      if (linger >= 0) {
        System.out.println("ready");
        Thread.sleep(Long.parseLong(args[linger + 1]));
      }
    } finally {
      server.stop(0);
      executor.shutdownNow();
    }
  }

  private static int indexOf(String[] args, String value) {
    for (int i = 0; i < args.length; i++) {
      if (args[i].equals(value)) {
        return i;
      }
    }
    return -1;
  }

  /** An uninstrumented caller: HTTP/1.1 over a plain socket. */
  private static void rawGet(int port, String path) throws IOException {
    try (Socket socket = new Socket(InetAddress.getLoopbackAddress(), port)) {
      socket.setSoTimeout(10_000);
      String request = "GET " + path + " HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n";
      socket.getOutputStream().write(request.getBytes(StandardCharsets.US_ASCII));
      socket.getInputStream().readAllBytes();
    }
  }

  private static void order(HttpExchange exchange, int port) throws IOException {
    try {
      HttpResponse<String> stock =
          client.send(
              HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/stock")).build(),
              HttpResponse.BodyHandlers.ofString());
      respond(exchange, 200, stock.body());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      respond(exchange, 500, "interrupted");
    }
  }

  private static void respond(HttpExchange exchange, int status, String body) throws IOException {
    byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
    exchange.sendResponseHeaders(status, bytes.length);
    try (OutputStream out = exchange.getResponseBody()) {
      out.write(bytes);
    }
  }
}
