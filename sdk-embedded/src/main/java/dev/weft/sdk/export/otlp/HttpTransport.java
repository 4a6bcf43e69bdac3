package dev.weft.sdk.export.otlp;

import dev.weft.bootstrap.WeftLogger;
import dev.weft.core.Version;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.ConnectException;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;
import java.util.zip.GZIPOutputStream;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLException;
import javax.net.ssl.SSLSocketFactory;

/**
 * OTLP/HTTP requests with protobuf bodies over a kept-alive HTTP/1.1 connection of Weft's own
 * ({@link Http1Connection}): no client library to start, no thread per connection, no copy of the
 * body. Decides per response whether another attempt may help: 429, 502, 503, 504 (honouring {@code
 * Retry-After}) and I/O errors other than TLS failures are retryable, everything else is final.
 */
final class HttpTransport implements OtlpExport.Transport {

  static final int MAX_RESPONSE_BYTES = 4 * 1024 * 1024;

  private static final WeftLogger log = WeftLogger.get("otlp");
  // What no configuration may set: the transport owns the framing and the connection.
  private static final Set<String> RESTRICTED =
      Set.of(
          "host",
          "content-length",
          "transfer-encoding",
          "connection",
          "keep-alive",
          "expect",
          "upgrade",
          "te",
          "trailer",
          "proxy-connection");

  private final OtlpExporterConfig config;
  private final String host;
  private final int port;
  private final boolean tls;
  private final byte[] head;
  private final ExportStats stats;
  private final SocketDeadlines deadlines;
  // One request at a time; a second caller (a flush at shutdown) waits within its own deadline.
  private final ReentrantLock lock = new ReentrantLock();
  private Http1Connection connection; // guarded by lock
  private SSLSocketFactory tlsSockets; // guarded by lock
  private boolean closed; // guarded by lock

  HttpTransport(OtlpExporterConfig config, ExportStats stats) {
    this(config, stats, SocketDeadlines.SHARED);
  }

  HttpTransport(OtlpExporterConfig config, ExportStats stats, SocketDeadlines deadlines) {
    this.config = config;
    URI endpoint = config.endpoint();
    this.tls = "https".equalsIgnoreCase(endpoint.getScheme());
    String uriHost = endpoint.getHost();
    // An IPv6 literal is bracketed in the URI and the Host header, not in the socket address.
    this.host =
        uriHost.startsWith("[") && uriHost.endsWith("]")
            ? uriHost.substring(1, uriHost.length() - 1)
            : uriHost;
    this.port = endpoint.getPort() >= 0 ? endpoint.getPort() : (tls ? 443 : 80);
    this.head = head(endpoint, uriHost, port, tls, config);
    this.stats = stats;
    this.deadlines = deadlines;
  }

  @Override
  public byte[] payload(byte[] request) throws IOException {
    return config.gzip() ? gzip(request) : request;
  }

  @Override
  public AttemptResult send(byte[] payload, long timeoutNanos) throws InterruptedException {
    long start = System.nanoTime();
    long deadline = start + Math.min(timeoutNanos, TimeUnit.DAYS.toNanos(365));
    if (!lock.tryLock(timeoutNanos, TimeUnit.NANOSECONDS)) {
      return AttemptResult.retryable(timedOut(timeoutNanos));
    }
    try {
      if (closed) {
        return AttemptResult.failed("the exporter is shut down");
      }
      // A kept-alive connection the collector closed while idle fails before any answer (end of
      // stream, or a reset): then one more try on a fresh connection, within the same deadline.
      for (int tries = 1; ; tries++) {
        boolean reused = connection != null;
        try {
          if (connection == null) {
            connection =
                Http1Connection.open(host, port, tls ? tlsSockets() : null, deadline, deadlines);
          }
          Http1Connection.Response response =
              connection.exchange(head, payload, MAX_RESPONSE_BYTES, deadline, deadlines);
          if (!response.keepAlive) {
            disconnect();
          }
          return handle(response);
        } catch (IOException | RuntimeException e) {
          boolean stale =
              reused
                  && tries == 1
                  && e instanceof IOException
                  && !(e instanceof SocketTimeoutException)
                  && !connection.answered()
                  && System.nanoTime() - deadline < 0;
          disconnect();
          if (!stale) {
            return failure(e, timeoutNanos, deadline);
          }
        }
      }
    } finally {
      lock.unlock();
    }
  }

  @Override
  public void close() {
    lock.lock();
    try {
      closed = true;
      disconnect();
    } finally {
      lock.unlock();
    }
  }

  private void disconnect() {
    if (connection != null) {
      connection.close();
      connection = null;
    }
  }

  private SSLSocketFactory tlsSockets() throws IOException {
    if (tlsSockets == null) {
      try {
        SSLContext context =
            config.sslContext() != null ? config.sslContext() : SSLContext.getDefault();
        tlsSockets = context.getSocketFactory();
      } catch (NoSuchAlgorithmException e) {
        throw new SSLException("no default TLS context", e);
      }
    }
    return tlsSockets;
  }

  private AttemptResult handle(Http1Connection.Response response) {
    int status = response.status;
    byte[] body = response.body;
    if (status >= 200 && status < 300) {
      OtlpResponses.PartialSuccess partial = OtlpResponses.partialSuccess(body);
      if (partial != null) {
        stats.partialSuccess(partial.rejected, partial.errorMessage); // never retried
      }
      return AttemptResult.SUCCESS;
    }
    String reason = "HTTP " + status + describe(body, response.contentType);
    if (status == 429 || status == 502 || status == 503 || status == 504) {
      return AttemptResult.retryable(
          reason, RetryAfter.parseNanos(response.retryAfter, Instant.now()));
    }
    return AttemptResult.failed(reason);
  }

  /** The collector's explanation: google.rpc.Status.message, or a short text body. */
  private static String describe(byte[] body, String type) {
    if (body.length == 0) {
      return "";
    }
    String message = type.contains("protobuf") ? OtlpResponses.statusMessage(body) : null;
    if (message == null && (type.startsWith("text/") || type.contains("json"))) {
      message = new String(body, 0, Math.min(body.length, 1024), StandardCharsets.UTF_8);
    }
    return message == null ? "" : ": " + ExportStats.truncate(message.trim());
  }

  private static AttemptResult failure(Throwable error, long timeoutNanos, long deadline) {
    for (Throwable cause = error; cause != null; cause = cause.getCause()) {
      if (cause instanceof SSLException && System.nanoTime() - deadline < 0) {
        return AttemptResult.failed("TLS failure: " + cause); // a retry meets the same certificate
      }
    }
    if (error instanceof SocketTimeoutException || System.nanoTime() - deadline >= 0) {
      return AttemptResult.retryable(timedOut(timeoutNanos)); // or closed by SocketDeadlines
    }
    // Refused, reset, closed without response, unknown host: worth another try.
    return error instanceof IOException
        ? AttemptResult.retryable(describe(error))
        : AttemptResult.failed(error.toString());
  }

  private static String describe(Throwable error) {
    String prefix = error instanceof ConnectException ? "cannot connect: " : "";
    String message = error.getMessage();
    return prefix + error.getClass().getSimpleName() + (message == null ? "" : ": " + message);
  }

  private static String timedOut(long timeoutNanos) {
    return "no response within " + TimeUnit.NANOSECONDS.toMillis(timeoutNanos) + " ms";
  }

  /**
   * The request line and headers, up to the Content-Length value, as bytes made once: the
   * configured headers that are valid and not the transport's own, then ours unless configured.
   */
  private static byte[] head(
      URI endpoint, String uriHost, int port, boolean tls, OtlpExporterConfig config) {
    String path =
        endpoint.getRawPath() == null || endpoint.getRawPath().isEmpty()
            ? "/"
            : endpoint.getRawPath();
    if (endpoint.getRawQuery() != null) {
      path += "?" + endpoint.getRawQuery();
    }
    boolean defaultPort = endpoint.getPort() < 0 || port == (tls ? 443 : 80);
    StringBuilder head = new StringBuilder(256);
    head.append("POST ").append(path).append(" HTTP/1.1\r\n");
    head.append("Host: ").append(uriHost);
    if (!defaultPort) {
      head.append(':').append(port);
    }
    head.append("\r\n");
    Map<String, String> headers = new LinkedHashMap<>();
    headers.put("User-Agent", "weft-otlp-exporter/" + Version.get());
    for (Map.Entry<String, String> header : config.headers().entrySet()) {
      String name = header.getKey();
      String problem = invalid(name, header.getValue());
      if (problem != null) {
        // A malformed or transport-owned header would break every request.
        log.warn("Ignoring OTLP header '" + name + "': " + problem);
        continue;
      }
      headers.put(name.equalsIgnoreCase("User-Agent") ? "User-Agent" : name, header.getValue());
    }
    headers.put("Content-Type", "application/x-protobuf");
    if (config.gzip()) {
      headers.put("Content-Encoding", "gzip");
    }
    for (Map.Entry<String, String> header : headers.entrySet()) {
      head.append(header.getKey()).append(": ").append(header.getValue()).append("\r\n");
    }
    head.append("Content-Length: ");
    return head.toString().getBytes(StandardCharsets.ISO_8859_1);
  }

  /** Why a configured header cannot be sent, or null. */
  static String invalid(String name, String value) {
    if (name.isEmpty()) {
      return "empty header name";
    }
    for (int i = 0; i < name.length(); i++) {
      char c = name.charAt(i);
      boolean token =
          (c >= 'a' && c <= 'z')
              || (c >= 'A' && c <= 'Z')
              || (c >= '0' && c <= '9')
              || "!#$%&'*+-.^_`|~".indexOf(c) >= 0;
      if (!token) {
        return "not a valid header name";
      }
    }
    String lower = name.toLowerCase(Locale.ROOT);
    if (RESTRICTED.contains(lower)
        || lower.equals("content-type")
        || lower.equals("content-encoding")) {
      return "restricted header name (the exporter sets it)";
    }
    for (int i = 0; i < value.length(); i++) {
      char c = value.charAt(i);
      if (c == '\r' || c == '\n' || c == 0 || c > 0xFF) {
        return "the value contains a line break or a character HTTP headers cannot carry";
      }
    }
    return null;
  }

  private static byte[] gzip(byte[] body) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream(body.length / 4 + 64);
    try (GZIPOutputStream gzip = new GZIPOutputStream(out, 8192)) {
      gzip.write(body);
    }
    return out.toByteArray();
  }
}
