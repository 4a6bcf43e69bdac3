package dev.weft.smoketest.apps;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;

/**
 * Logs through a real logging library, inside and outside HTTP requests. Arguments: the library
 * ({@code logback} through SLF4J, {@code log4j} through the Log4j 2 API, {@code jul}), then {@code
 * requests} (three requests to a JDK HTTP server whose one pooled thread logs in each, then logs
 * again outside any request) or {@code burst <n>} (n lines of about 1 KB as fast as possible,
 * printing how long that took and the heap in use after a GC, before and after).
 */
public final class LoggingApp {

  /** The three calls the app makes, on whichever library. */
  interface Log {
    void info(String message);

    void warn(String message);

    void error(String message, Throwable error);
  }

  public static void main(String[] args) throws Exception {
    String library = args[0];
    Log app = log(library, "dev.weft.smoketest.apps.LoggingApp");
    if (args[1].equals("burst")) {
      burst(log(library, "burst"), Integer.parseInt(args[2]));
    } else {
      requests(app);
    }
  }

  private static void requests(Log log) throws Exception {
    log.info("before any request");
    ExecutorService pool = Executors.newFixedThreadPool(1); // one thread: reused by every request
    HttpServer server =
        HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    server.createContext("/work", exchange -> work(exchange, log));
    server.setExecutor(pool);
    server.start();
    try {
      for (int i = 0; i < 3; i++) {
        System.out.println("response " + rawGet(server.getAddress().getPort(), "/work?n=" + i));
      }
      // The pooled thread that served the requests, now outside any request.
      pool.submit(() -> log.info("pooled thread outside requests")).get(10, TimeUnit.SECONDS);
      log.info("after the requests");
    } finally {
      server.stop(0);
      pool.shutdownNow();
    }
  }

  private static void work(HttpExchange exchange, Log log) throws IOException {
    String query = exchange.getRequestURI().getQuery();
    log.info("handling " + query);
    log.warn("slow path for " + query);
    log.error("failed " + query, new IllegalStateException("boom " + query));
    byte[] body = "ok".getBytes(StandardCharsets.UTF_8);
    exchange.sendResponseHeaders(200, body.length);
    try (OutputStream out = exchange.getResponseBody()) {
      out.write(body);
    }
  }

  private static void burst(Log log, int lines) {
    long heapBefore = usedHeapAfterGc();
    String padding = "x".repeat(1000);
    long start = System.nanoTime();
    for (int i = 0; i < lines; i++) {
      log.info("burst " + i + " " + padding);
    }
    long millis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
    long heapAfter = usedHeapAfterGc();
    System.out.println(
        "burst lines="
            + lines
            + " millis="
            + millis
            + " heapGrowthBytes="
            + (heapAfter - heapBefore));
  }

  private static long usedHeapAfterGc() {
    Runtime runtime = Runtime.getRuntime();
    for (int i = 0; i < 3; i++) {
      System.gc();
    }
    return runtime.totalMemory() - runtime.freeMemory();
  }

  /** HTTP/1.1 over a socket: no instrumented client is involved. */
  private static String rawGet(int port, String path) throws IOException {
    try (Socket socket = new Socket(InetAddress.getLoopbackAddress(), port)) {
      socket.setSoTimeout(10_000);
      String request = "GET " + path + " HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n";
      socket.getOutputStream().write(request.getBytes(StandardCharsets.US_ASCII));
      String response = new String(socket.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      return response.substring(response.indexOf("\r\n\r\n") + 4);
    }
  }

  private static Log log(String library, String name) {
    switch (library) {
      case "logback":
        return slf4j(org.slf4j.LoggerFactory.getLogger(name));
      case "log4j":
        return log4j(org.apache.logging.log4j.LogManager.getLogger(name));
      case "jul":
        return jul(java.util.logging.Logger.getLogger(name));
      default:
        throw new IllegalArgumentException(library);
    }
  }

  private static Log slf4j(org.slf4j.Logger logger) {
    return new Log() {
      @Override
      public void info(String message) {
        logger.info(message);
      }

      @Override
      public void warn(String message) {
        logger.warn(message);
      }

      @Override
      public void error(String message, Throwable error) {
        logger.error(message, error);
      }
    };
  }

  private static Log log4j(org.apache.logging.log4j.Logger logger) {
    return new Log() {
      @Override
      public void info(String message) {
        logger.info(message);
      }

      @Override
      public void warn(String message) {
        logger.warn(message);
      }

      @Override
      public void error(String message, Throwable error) {
        logger.error(message, error);
      }
    };
  }

  private static Log jul(java.util.logging.Logger logger) {
    if (logger.getName().equals("burst")) {
      logger.setUseParentHandlers(false); // only the bridge sees the burst
    }
    return new Log() {
      @Override
      public void info(String message) {
        logger.info(message);
      }

      @Override
      public void warn(String message) {
        logger.warning(message);
      }

      @Override
      public void error(String message, Throwable error) {
        logger.log(Level.SEVERE, message, error);
      }
    };
  }
}
