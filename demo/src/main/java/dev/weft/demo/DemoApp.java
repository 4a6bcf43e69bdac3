package dev.weft.demo;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.HttpURLConnection;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.Executors;

/**
 * A checkout service that calls itself: {@code GET /checkout} asks {@code /price} (with the JDK
 * {@link HttpClient}) and {@code /stock} (with {@link HttpURLConnection}), then answers. The main
 * method sends a few requests and exits. Run it with the agent attached to see one trace per
 * request: a SERVER span for /checkout with two CLIENT children, each with its own SERVER span.
 */
public final class DemoApp {

  private static final HttpClient client = HttpClient.newHttpClient();

  private DemoApp() {}

  public static void main(String[] args) throws Exception {
    int requests = args.length > 0 ? Integer.parseInt(args[0]) : 3;
    HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    server.setExecutor(Executors.newFixedThreadPool(4));
    int port = server.getAddress().getPort();
    server.createContext("/price", exchange -> respond(exchange, 200, "12.50"));
    server.createContext("/stock", exchange -> respond(exchange, 200, "7"));
    server.createContext("/checkout", exchange -> checkout(exchange, port));
    server.start();
    try {
      for (int i = 1; i <= requests; i++) {
        HttpResponse<String> response =
            client.send(
                HttpRequest.newBuilder(
                        URI.create("http://127.0.0.1:" + port + "/checkout?item=" + i))
                    .build(),
                HttpResponse.BodyHandlers.ofString());
        System.out.println(
            "GET /checkout?item=" + i + " -> " + response.statusCode() + " " + response.body());
      }
    } finally {
      server.stop(0);
      ((java.util.concurrent.ExecutorService) server.getExecutor()).shutdown();
    }
  }

  private static void checkout(HttpExchange exchange, int port) throws IOException {
    try {
      String price =
          client
              .send(
                  HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/price")).build(),
                  HttpResponse.BodyHandlers.ofString())
              .body();
      String stock = readWithUrlConnection(new URL("http://127.0.0.1:" + port + "/stock"));
      respond(exchange, 200, "price=" + price + " stock=" + stock);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      respond(exchange, 503, "interrupted");
    }
  }

  private static String readWithUrlConnection(URL url) throws IOException {
    HttpURLConnection connection = (HttpURLConnection) url.openConnection();
    try (InputStream in = connection.getInputStream()) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } finally {
      connection.disconnect();
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
