package dev.weft.sdk.export.otlp;

import static org.assertj.core.api.Assertions.fail;

import com.sun.net.httpserver.Headers;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import com.sun.net.httpserver.HttpsConfigurator;
import com.sun.net.httpserver.HttpsExchange;
import com.sun.net.httpserver.HttpsParameters;
import com.sun.net.httpserver.HttpsServer;
import io.opentelemetry.proto.collector.trace.v1.ExportTraceServiceRequest;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.security.cert.X509Certificate;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.zip.GZIPInputStream;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.SSLPeerUnverifiedException;

/**
 * A real OTLP/HTTP receiver on 127.0.0.1 (the JDK's HttpServer): records every request and answers
 * with scripted replies, 200 with an empty response once the script runs out.
 */
final class HttpReceiver implements AutoCloseable {

  /** One request as the server saw it; the body already un-gzipped. */
  static final class Received {
    final String method;
    final String path;
    final Headers headers;
    final byte[] body;
    final String clientCertificate;

    Received(String method, String path, Headers headers, byte[] body, String clientCertificate) {
      this.method = method;
      this.path = path;
      this.headers = headers;
      this.body = body;
      this.clientCertificate = clientCertificate;
    }

    ExportTraceServiceRequest request() throws IOException {
      return ExportTraceServiceRequest.parseFrom(body);
    }
  }

  /** A scripted answer; {@link #hang()} never answers until the receiver closes. */
  static final class Reply {
    final int status;
    final Map<String, String> headers;
    final byte[] body;
    final boolean hang;

    Reply(int status, Map<String, String> headers, byte[] body, boolean hang) {
      this.status = status;
      this.headers = headers;
      this.body = body;
      this.hang = hang;
    }

    static Reply status(int status, Map<String, String> headers, byte[] body) {
      return new Reply(status, headers, body, false);
    }

    static Reply status(int status) {
      return status(status, Map.of(), new byte[0]);
    }

    static Reply hang() {
      return new Reply(0, Map.of(), new byte[0], true);
    }
  }

  private final HttpServer server;
  private final ExecutorService executor = Executors.newCachedThreadPool();
  private final BlockingQueue<Received> received = new LinkedBlockingQueue<>();
  private final ConcurrentLinkedQueue<Reply> script = new ConcurrentLinkedQueue<>();
  private final CountDownLatch closed = new CountDownLatch(1);

  private HttpReceiver(HttpServer server) {
    this.server = server;
    server.createContext("/", this::handle);
    server.setExecutor(executor);
    server.start();
  }

  static HttpReceiver start() throws IOException {
    return new HttpReceiver(HttpServer.create(loopback(), 0));
  }

  /** HTTPS with {@code tls}; {@code needClientAuth} rejects clients without a certificate. */
  static HttpReceiver startHttps(SSLContext tls, boolean needClientAuth) throws IOException {
    HttpsServer server = HttpsServer.create(loopback(), 0);
    server.setHttpsConfigurator(
        new HttpsConfigurator(tls) {
          @Override
          public void configure(HttpsParameters params) {
            SSLParameters parameters = tls.getDefaultSSLParameters();
            parameters.setNeedClientAuth(needClientAuth);
            params.setSSLParameters(parameters);
          }
        });
    return new HttpReceiver(server);
  }

  /** Queues replies for the next requests, in order. */
  HttpReceiver reply(Reply... replies) {
    for (Reply reply : replies) {
      script.add(reply);
    }
    return this;
  }

  String baseUrl() {
    String scheme = server instanceof HttpsServer ? "https" : "http";
    return scheme + "://127.0.0.1:" + server.getAddress().getPort();
  }

  String tracesUrl() {
    return baseUrl() + "/v1/traces";
  }

  /** The next request, waiting up to 10 s for it. */
  Received take() throws InterruptedException {
    Received next = received.poll(10, TimeUnit.SECONDS);
    if (next == null) {
      fail("no request arrived within 10 s");
    }
    return next;
  }

  /** Requests received and not yet taken. */
  int pending() {
    return received.size();
  }

  @Override
  public void close() {
    closed.countDown();
    server.stop(0);
    executor.shutdownNow();
  }

  private void handle(HttpExchange exchange) throws IOException {
    byte[] body;
    try (InputStream in = exchange.getRequestBody()) {
      body = in.readAllBytes();
    }
    if ("gzip".equals(exchange.getRequestHeaders().getFirst("Content-Encoding"))) {
      try (InputStream in = new GZIPInputStream(new java.io.ByteArrayInputStream(body))) {
        body = in.readAllBytes();
      }
    }
    received.add(
        new Received(
            exchange.getRequestMethod(),
            exchange.getRequestURI().getPath(),
            exchange.getRequestHeaders(),
            body,
            clientCertificate(exchange)));
    Reply reply = script.poll();
    if (reply == null) {
      reply = Reply.status(200, Map.of("Content-Type", "application/x-protobuf"), new byte[0]);
    }
    if (reply.hang) {
      awaitClose();
    }
    answer(exchange, reply);
  }

  private void awaitClose() {
    try {
      closed.await();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private static void answer(HttpExchange exchange, Reply reply) throws IOException {
    for (Map.Entry<String, String> header : reply.headers.entrySet()) {
      exchange.getResponseHeaders().set(header.getKey(), header.getValue());
    }
    exchange.sendResponseHeaders(reply.status, reply.body.length == 0 ? -1 : reply.body.length);
    try (OutputStream out = exchange.getResponseBody()) {
      out.write(reply.body);
    }
  }

  private static String clientCertificate(HttpExchange exchange) {
    if (!(exchange instanceof HttpsExchange)) {
      return null;
    }
    try {
      X509Certificate peer =
          (X509Certificate) ((HttpsExchange) exchange).getSSLSession().getPeerCertificates()[0];
      return peer.getSubjectX500Principal().getName();
    } catch (SSLPeerUnverifiedException e) {
      return null;
    }
  }

  private static InetSocketAddress loopback() {
    return new InetSocketAddress(InetAddress.getLoopbackAddress(), 0);
  }
}
