package dev.weft.sdk.export.otlp;

import static dev.weft.sdk.export.otlp.TestConfigs.otlp;
import static org.assertj.core.api.Assertions.assertThat;

import dev.weft.sdk.export.otlp.TestConfigs.LogCapture;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * {@link HttpTransport} against a raw TCP server that answers with exactly the bytes a test
 * scripts: response framings, kept-alive and dropped connections, a server that stops reading.
 */
class HttpTransportTest {

  private static final long FIVE_SECONDS = TimeUnit.SECONDS.toNanos(5);

  private RawServer server;
  private LogCapture log;

  @BeforeEach
  void start() throws IOException {
    server = new RawServer();
    log = new LogCapture();
  }

  @AfterEach
  void stop() throws IOException {
    log.close();
    server.close();
  }

  @Test
  void sendsOneFramedPostAndKeepsTheConnectionForTheNext() throws Exception {
    server.answer(ok(), ok(), ok());
    HttpTransport transport = transport();

    for (int i = 0; i < 3; i++) {
      AttemptResult result =
          transport.send(("body" + i).getBytes(StandardCharsets.UTF_8), FIVE_SECONDS);
      assertThat(result).isSameAs(AttemptResult.SUCCESS);
    }

    assertThat(server.connections.get()).isEqualTo(1);
    Request first = server.requests.take();
    assertThat(first.requestLine).isEqualTo("POST /v1/traces?tenant=a%20b HTTP/1.1");
    assertThat(first.header("host")).isEqualTo("127.0.0.1:" + server.port());
    assertThat(first.header("content-type")).isEqualTo("application/x-protobuf");
    assertThat(first.header("content-length")).isEqualTo("5");
    assertThat(first.header("user-agent")).startsWith("weft-otlp-exporter/");
    assertThat(new String(first.body, StandardCharsets.UTF_8)).isEqualTo("body0");
    assertThat(new String(server.requests.take().body, StandardCharsets.UTF_8)).isEqualTo("body1");
    transport.close();
  }

  @Test
  void readsChunkedCloseDelimitedAndInterimResponses() throws Exception {
    server.answer(
        "HTTP/1.1 100 Continue\r\n\r\nHTTP/1.1 200 OK\r\nContent-Length: 0\r\n\r\n",
        "HTTP/1.1 400 Bad Request\r\nTransfer-Encoding: chunked\r\n"
            + "Content-Type: text/plain\r\n\r\n"
            + "5;ext=1\r\nbad r\r\n8\r\nequest!!\r\n0\r\nTrailer: x\r\n\r\n",
        "HTTP/1.0 503 Unavailable\r\nRetry-After: 2\r\nContent-Type: text/plain\r\n\r\nbusy"
            + RawServer.CLOSE,
        "HTTP/1.1 200 OK\r\nConnection: close\r\nContent-Length: 0\r\n\r\n",
        "HTTP/1.1 200 OK\r\nContent-Length: 0\r\n\r\n");
    HttpTransport transport = transport();

    assertThat(transport.send(new byte[] {1}, FIVE_SECONDS)).isSameAs(AttemptResult.SUCCESS);
    AttemptResult badRequest = transport.send(new byte[] {2}, FIVE_SECONDS);
    assertThat(badRequest.kind()).isEqualTo(AttemptResult.Kind.FAILED);
    assertThat(badRequest.reason()).isEqualTo("HTTP 400: bad request!!");
    AttemptResult busy = transport.send(new byte[] {3}, FIVE_SECONDS);
    assertThat(busy.kind()).isEqualTo(AttemptResult.Kind.RETRYABLE);
    assertThat(busy.reason()).isEqualTo("HTTP 503: busy");
    assertThat(busy.delayNanos()).isEqualTo(TimeUnit.SECONDS.toNanos(2));
    assertThat(transport.send(new byte[] {4}, FIVE_SECONDS)).isSameAs(AttemptResult.SUCCESS);
    assertThat(transport.send(new byte[] {5}, FIVE_SECONDS)).isSameAs(AttemptResult.SUCCESS);

    // 1 and 2 shared a connection; HTTP/1.0 without keep-alive and "Connection: close" ended
    // theirs.
    assertThat(server.connections.get()).isEqualTo(3);
    transport.close();
  }

  @Test
  void aKeptAliveConnectionTheCollectorClosedIsReplacedWithoutAFailedAttempt() throws Exception {
    server.answer(ok() + RawServer.CLOSE_AFTER_ANSWER, ok());
    HttpTransport transport = transport();

    assertThat(transport.send(new byte[] {1}, FIVE_SECONDS)).isSameAs(AttemptResult.SUCCESS);
    server.awaitClosed();
    assertThat(transport.send(new byte[] {2}, FIVE_SECONDS)).isSameAs(AttemptResult.SUCCESS);

    assertThat(server.connections.get()).isEqualTo(2);
    transport.close();
  }

  @Test
  void aKeptAliveConnectionTheCollectorResetIsReplacedToo() throws Exception {
    server.answer(ok() + RawServer.RESET_AFTER_ANSWER, ok());
    HttpTransport transport = transport();

    assertThat(transport.send(new byte[] {1}, FIVE_SECONDS)).isSameAs(AttemptResult.SUCCESS);
    server.awaitClosed();
    assertThat(transport.send(new byte[] {2}, FIVE_SECONDS)).isSameAs(AttemptResult.SUCCESS);

    assertThat(server.connections.get()).isEqualTo(2);
    transport.close();
  }

  @Test
  void aFreshConnectionThatFailsIsNotTriedAgainAtOnce() throws Exception {
    server.answer(RawServer.CLOSE);
    HttpTransport transport = transport();

    AttemptResult result = transport.send(new byte[] {1}, FIVE_SECONDS);

    assertThat(result.kind()).isEqualTo(AttemptResult.Kind.RETRYABLE); // by the Retrier, later
    assertThat(result.reason()).isEqualTo("EOFException: connection closed without a response");
    assertThat(server.connections.get()).isEqualTo(1);
    transport.close();
  }

  @Test
  void aCollectorThatStopsReadingCostsNoMoreThanTheTimeout() throws Exception {
    server.stopReading();
    SocketDeadlines deadlines = new SocketDeadlines();
    HttpTransport transport = new HttpTransport(config(), new ExportStats(config()), deadlines);
    byte[] large = new byte[64 * 1024 * 1024]; // far more than both socket buffers hold

    long start = System.nanoTime();
    AttemptResult result = transport.send(large, TimeUnit.MILLISECONDS.toNanos(500));
    long elapsedMillis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);

    assertThat(result.kind()).isEqualTo(AttemptResult.Kind.RETRYABLE);
    assertThat(result.reason()).isEqualTo("no response within 500 ms");
    assertThat(elapsedMillis).isBetween(450L, 3_000L);
    assertThat(deadlines.expired()).isEqualTo(1);
    transport.close();
  }

  @Test
  void aResponseBodyIsCappedAndItsConnectionNotReused() throws Exception {
    int over = HttpTransport.MAX_RESPONSE_BYTES + 10;
    server.answer(
        "HTTP/1.1 500 Oops\r\nContent-Type: text/plain\r\nContent-Length: "
            + over
            + "\r\n\r\n"
            + "x".repeat(over),
        ok());
    HttpTransport transport = transport();

    AttemptResult result = transport.send(new byte[] {1}, FIVE_SECONDS);
    assertThat(result.kind()).isEqualTo(AttemptResult.Kind.FAILED);
    assertThat(result.reason()).startsWith("HTTP 500: xxxx");
    assertThat(transport.send(new byte[] {2}, FIVE_SECONDS)).isSameAs(AttemptResult.SUCCESS);

    assertThat(server.connections.get()).isEqualTo(2);
    transport.close();
  }

  @Test
  void garbageInsteadOfHttpIsARetryableFailureNotAnException() throws Exception {
    server.answer("SSH-2.0-OpenSSH_9.6\r\n" + RawServer.CLOSE);
    HttpTransport transport = transport();

    AttemptResult result = transport.send(new byte[] {1}, FIVE_SECONDS);

    assertThat(result.kind()).isEqualTo(AttemptResult.Kind.RETRYABLE);
    assertThat(result.reason()).contains("not an HTTP/1.x response: SSH-2.0");
    transport.close();
  }

  @Test
  void headersThatWouldBreakTheRequestAreIgnoredWithAWarningNamingThem() throws Exception {
    server.answer(ok());
    OtlpExporterConfig config =
        otlp(
            "otel.exporter.otlp.traces.endpoint",
            server.url(),
            "otel.exporter.otlp.headers",
            "Transfer-Encoding=chunked,bad name=1,Content-Length=9,ok=1,user-agent=mine");
    HttpTransport transport = new HttpTransport(config, new ExportStats(config));

    assertThat(transport.send(new byte[] {1}, FIVE_SECONDS)).isSameAs(AttemptResult.SUCCESS);

    Request request = server.requests.take();
    assertThat(request.header("ok")).isEqualTo("1");
    assertThat(request.header("user-agent")).isEqualTo("mine");
    assertThat(request.header("content-length")).isEqualTo("1");
    assertThat(request.header("transfer-encoding")).isNull();
    assertThat(log.text())
        .contains(
            "Ignoring OTLP header 'Transfer-Encoding'",
            "Ignoring OTLP header 'bad name'",
            "Ignoring OTLP header 'Content-Length'");
    assertThat(HttpTransport.invalid("X-Token", "a\r\nHost: evil")).contains("line break");
    transport.close();
  }

  @Test
  void afterCloseNothingIsSent() throws Exception {
    HttpTransport transport = transport();
    transport.close();

    assertThat(transport.send(new byte[] {1}, FIVE_SECONDS).kind())
        .isEqualTo(AttemptResult.Kind.FAILED);
    assertThat(server.connections.get()).isZero();
  }

  private HttpTransport transport() {
    OtlpExporterConfig config = config();
    return new HttpTransport(config, new ExportStats(config));
  }

  private OtlpExporterConfig config() {
    return otlp("otel.exporter.otlp.traces.endpoint", server.url());
  }

  private static String ok() {
    return "HTTP/1.1 200 OK\r\nContent-Type: application/x-protobuf\r\nContent-Length: 0\r\n\r\n";
  }

  /** One request as the raw server read it. */
  static final class Request {
    final String requestLine;
    final List<String> headers;
    final byte[] body;

    Request(String requestLine, List<String> headers, byte[] body) {
      this.requestLine = requestLine;
      this.headers = headers;
      this.body = body;
    }

    String header(String name) {
      for (String header : headers) {
        int colon = header.indexOf(':');
        if (header.substring(0, colon).trim().equalsIgnoreCase(name)) {
          return header.substring(colon + 1).trim();
        }
      }
      return null;
    }
  }

  /**
   * A TCP server on 127.0.0.1 that reads each request (head and Content-Length body) and writes the
   * next scripted answer verbatim. {@link #CLOSE} at the end of an answer closes the connection
   * after writing it (a close-delimited body); {@link #CLOSE_AFTER_ANSWER} too, but signals {@link
   * #awaitClosed()}.
   */
  static final class RawServer implements AutoCloseable {
    static final String CLOSE = "<close>";
    static final String CLOSE_AFTER_ANSWER = "<close-after>";
    static final String RESET_AFTER_ANSWER = "<reset-after>";

    final AtomicInteger connections = new AtomicInteger();
    final BlockingQueue<Request> requests = new LinkedBlockingQueue<>();
    private final BlockingQueue<String> answers = new LinkedBlockingQueue<>();
    private final BlockingQueue<Boolean> closed = new LinkedBlockingQueue<>();
    private final ServerSocket socket;
    private final List<Socket> open = new ArrayList<>();
    private volatile boolean stopReading;

    RawServer() throws IOException {
      socket = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
      Thread accept = new Thread(this::accept, "raw-server");
      accept.setDaemon(true);
      accept.start();
    }

    int port() {
      return socket.getLocalPort();
    }

    String url() {
      return "http://127.0.0.1:" + port() + "/v1/traces?tenant=a%20b";
    }

    void answer(String... scripted) {
      answers.addAll(List.of(scripted));
    }

    /** Accept connections but never read from them. */
    void stopReading() {
      stopReading = true;
    }

    void awaitClosed() throws InterruptedException {
      assertThat(closed.poll(5, TimeUnit.SECONDS)).isTrue();
    }

    private void accept() {
      while (!socket.isClosed()) {
        try {
          Socket connection = socket.accept();
          connections.incrementAndGet();
          synchronized (open) {
            open.add(connection);
          }
          if (stopReading) {
            continue;
          }
          Thread serve = new Thread(() -> serve(connection), "raw-connection");
          serve.setDaemon(true);
          serve.start();
        } catch (IOException e) {
          return;
        }
      }
    }

    private void serve(Socket connection) {
      try (connection) {
        InputStream in = connection.getInputStream();
        OutputStream out = connection.getOutputStream();
        while (true) {
          String requestLine = line(in);
          if (requestLine == null) {
            return;
          }
          List<String> headers = new ArrayList<>();
          for (String header = line(in); !header.isEmpty(); header = line(in)) {
            headers.add(header);
          }
          Request partial = new Request(requestLine, headers, new byte[0]);
          byte[] body = in.readNBytes(Integer.parseInt(partial.header("content-length")));
          requests.add(new Request(requestLine, headers, body));
          String answer = answers.poll(5, TimeUnit.SECONDS);
          if (answer == null) {
            return;
          }
          boolean reset = answer.endsWith(RESET_AFTER_ANSWER);
          boolean closeAfter = reset || answer.endsWith(CLOSE_AFTER_ANSWER);
          boolean close = closeAfter || answer.endsWith(CLOSE);
          answer =
              answer
                  .replace(RESET_AFTER_ANSWER, "")
                  .replace(CLOSE_AFTER_ANSWER, "")
                  .replace(CLOSE, "");
          out.write(answer.getBytes(StandardCharsets.ISO_8859_1));
          out.flush();
          if (reset) {
            connection.setSoLinger(true, 0); // close with a TCP reset
          }
          if (close) {
            connection.close();
            if (closeAfter) {
              closed.add(Boolean.TRUE);
            }
            return;
          }
        }
      } catch (IOException | InterruptedException e) {
        // the client went away
      }
    }

    private static String line(InputStream in) throws IOException {
      ByteArrayOutputStream line = new ByteArrayOutputStream();
      for (int b = in.read(); b != '\n'; b = in.read()) {
        if (b < 0) {
          return line.size() == 0 ? null : line.toString(StandardCharsets.ISO_8859_1);
        }
        line.write(b);
      }
      String text = line.toString(StandardCharsets.ISO_8859_1);
      return text.endsWith("\r") ? text.substring(0, text.length() - 1) : text;
    }

    @Override
    public void close() throws IOException {
      socket.close();
      synchronized (open) {
        for (Socket connection : open) {
          connection.close();
        }
      }
    }
  }
}
