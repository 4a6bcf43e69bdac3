package dev.weft.smoketest.apps;

import com.sun.net.httpserver.Filter;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.HttpURLConnection;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

/**
 * Calls itself over HTTP with every JDK client: a {@code com.sun.net.httpserver} server (with a
 * filter on one context) answered by {@code HttpClient.send}, {@code HttpClient.sendAsync} and
 * {@code HttpURLConnection}. Each server handler echoes the {@code traceparent} it received, so the
 * output shows whether the clients propagated. Then both clients speak TLS to a plain-text socket
 * and fail (the https path of {@code HttpURLConnection} included). Prints one line per call, then
 * "done".
 */
public final class JdkHttpApp {

  public static void main(String[] args) throws Exception {
    boolean untilAttached = args.length > 0 && args[0].equals("--repeat-until-killed");
    ExecutorService executor = Executors.newFixedThreadPool(4);
    HttpServer server =
        HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    server.createContext("/hello", exchange -> respond(exchange, 200)).getFilters().add(new Tag());
    server.createContext("/fail", exchange -> respond(exchange, 500));
    server.setExecutor(executor);
    server.start();
    String base = "http://127.0.0.1:" + server.getAddress().getPort();
    try {
      HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
      if (untilAttached) {
        // For attach tests: every JDK class involved is loaded before any agent arrives.
        System.out.println("ready " + ProcessHandle.current().pid());
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (System.nanoTime() < deadline) {
          calls(client, base, executor);
          Thread.sleep(200);
        }
      } else {
        calls(client, base, executor);
      }
    } finally {
      server.stop(0);
      executor.shutdownNow();
    }
    System.out.println("done");
  }

  private static void calls(HttpClient client, String base, ExecutorService executor)
      throws Exception {
    HttpResponse<String> sent =
        client.send(get(base + "/hello?via=send"), HttpResponse.BodyHandlers.ofString());
    System.out.println("send " + sent.statusCode() + " " + sent.body());
    HttpResponse<String> async =
        client
            .sendAsync(get(base + "/hello?via=async"), HttpResponse.BodyHandlers.ofString())
            .get(10, TimeUnit.SECONDS);
    System.out.println("sendAsync " + async.statusCode() + " " + async.body());
    System.out.println("urlconnection " + urlConnection(base + "/hello?via=urlconnection"));
    System.out.println("urlconnection " + urlConnection(base + "/fail?via=urlconnection"));
    try (ServerSocket plain = plainTextServer(executor)) {
      String https = "https://127.0.0.1:" + plain.getLocalPort() + "/tls";
      System.out.println("send-tls-mismatch " + failure(() -> client.send(get(https), discard())));
      System.out.println("urlconnection-tls-mismatch " + failure(() -> urlConnection(https)));
    }
  }

  /** Answers every connection with plain text, which no TLS client accepts. */
  private static ServerSocket plainTextServer(ExecutorService executor) throws IOException {
    ServerSocket socket = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
    executor.execute(
        () -> {
          while (!socket.isClosed()) {
            try (Socket connection = socket.accept()) {
              connection
                  .getOutputStream()
                  .write("not tls\r\n\r\n".getBytes(StandardCharsets.UTF_8));
            } catch (IOException e) {
              // closed: the app is done
            }
          }
        });
    return socket;
  }

  private static String failure(Call call) {
    try {
      call.run();
      return "no failure";
    } catch (Exception e) {
      return e.getClass().getName();
    }
  }

  private static HttpResponse.BodyHandler<Void> discard() {
    return HttpResponse.BodyHandlers.discarding();
  }

  private interface Call {
    void run() throws Exception;
  }

  private static HttpRequest get(String uri) {
    return HttpRequest.newBuilder(URI.create(uri)).timeout(Duration.ofSeconds(10)).build();
  }

  private static String urlConnection(String url) throws IOException {
    HttpURLConnection connection = (HttpURLConnection) new URL(url).openConnection();
    connection.setConnectTimeout(10_000);
    connection.setReadTimeout(10_000);
    int code = connection.getResponseCode();
    int again = connection.getResponseCode(); // asking twice is one request, and one span
    InputStream body = code < 400 ? connection.getInputStream() : connection.getErrorStream();
    String text = new String(body.readAllBytes(), StandardCharsets.UTF_8);
    body.close();
    connection.disconnect();
    return code + (again == code ? "" : " then " + again) + " " + text;
  }

  private static void respond(HttpExchange exchange, int status) throws IOException {
    String parent = exchange.getRequestHeaders().getFirst("traceparent");
    String tag = String.valueOf(exchange.getAttribute("tag"));
    byte[] body =
        ("traceparent=" + (parent == null ? "none" : parent) + " tag=" + tag)
            .getBytes(StandardCharsets.UTF_8);
    exchange.sendResponseHeaders(status, body.length);
    try (OutputStream out = exchange.getResponseBody()) {
      out.write(body);
    }
  }

  /** A user filter: must run inside the server span, not start one of its own. */
  private static final class Tag extends Filter {
    @Override
    public void doFilter(HttpExchange exchange, Chain chain) throws IOException {
      exchange.setAttribute("tag", "filtered");
      chain.doFilter(exchange);
    }

    @Override
    public String description() {
      return "tags the exchange";
    }
  }
}
