package dev.weft.sdk.export.otlp;

import dev.weft.bootstrap.WeftLogger;
import dev.weft.core.Version;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.ConnectException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.zip.GZIPOutputStream;
import javax.net.ssl.SSLException;

/**
 * OTLP/HTTP requests with protobuf bodies over the JDK's {@link HttpClient}, created on the first
 * request. Decides per response whether another attempt may help: 429, 502, 503, 504 (honouring
 * {@code Retry-After}) and I/O errors other than TLS failures are retryable, everything else is
 * final.
 */
final class HttpTransport implements OtlpExport.Transport {

  static final int MAX_RESPONSE_BYTES = 4 * 1024 * 1024;

  private static final WeftLogger log = WeftLogger.get("otlp");
  private static final String PROTOBUF = "application/x-protobuf";

  private final OtlpExporterConfig config;
  private final Map<String, String> headers;
  private final ExportStats stats;
  private final Object lock = new Object();
  // Written once under lock; volatile so later requests read it without locking.
  private volatile HttpClient client;

  HttpTransport(OtlpExporterConfig config, ExportStats stats) {
    this.config = config;
    this.headers = requestHeaders(config.headers());
    this.stats = stats;
  }

  @Override
  public byte[] payload(byte[] request) throws IOException {
    return config.gzip() ? gzip(request) : request;
  }

  @Override
  public AttemptResult send(byte[] payload, long timeoutNanos) throws InterruptedException {
    HttpRequest request = request(payload, Duration.ofNanos(timeoutNanos));
    CompletableFuture<HttpResponse<byte[]>> response =
        client().sendAsync(request, info -> new CappedBodySubscriber(MAX_RESPONSE_BYTES));
    try {
      return handle(response.get(timeoutNanos, TimeUnit.NANOSECONDS));
    } catch (TimeoutException e) {
      response.cancel(true);
      return AttemptResult.retryable(timedOut(timeoutNanos));
    } catch (ExecutionException e) {
      return failure(e.getCause() == null ? e : e.getCause(), timeoutNanos);
    }
  }

  @Override
  public void close() {
    HttpClient current = client;
    // HttpClient is AutoCloseable from JDK 21; before that its threads end once unreferenced.
    if (current instanceof AutoCloseable) {
      try {
        ((AutoCloseable) current).close();
      } catch (Exception e) {
        log.debug("Closing the OTLP HTTP client failed", e);
      }
    }
  }

  private HttpRequest request(byte[] payload, Duration timeout) {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(config.endpoint())
            .timeout(timeout)
            .POST(HttpRequest.BodyPublishers.ofByteArray(payload));
    for (Map.Entry<String, String> header : headers.entrySet()) {
      request.setHeader(header.getKey(), header.getValue());
    }
    request.setHeader("Content-Type", PROTOBUF);
    if (config.gzip()) {
      request.setHeader("Content-Encoding", "gzip");
    }
    return request.build();
  }

  private AttemptResult handle(HttpResponse<byte[]> response) {
    int status = response.statusCode();
    byte[] body = response.body();
    if (status >= 200 && status < 300) {
      OtlpResponses.PartialSuccess partial = OtlpResponses.partialSuccess(body);
      if (partial != null) {
        stats.partialSuccess(partial.rejected, partial.errorMessage); // never retried
      }
      return AttemptResult.SUCCESS;
    }
    String reason = "HTTP " + status + describe(body, response);
    if (status == 429 || status == 502 || status == 503 || status == 504) {
      String retryAfter = response.headers().firstValue("Retry-After").orElse(null);
      return AttemptResult.retryable(reason, RetryAfter.parseNanos(retryAfter, Instant.now()));
    }
    return AttemptResult.failed(reason);
  }

  /** The collector's explanation: google.rpc.Status.message, or a short text body. */
  private static String describe(byte[] body, HttpResponse<?> response) {
    if (body.length == 0) {
      return "";
    }
    String type = response.headers().firstValue("Content-Type").orElse("");
    String message = type.contains("protobuf") ? OtlpResponses.statusMessage(body) : null;
    if (message == null && (type.startsWith("text/") || type.contains("json"))) {
      message = new String(body, 0, Math.min(body.length, 1024), StandardCharsets.UTF_8);
    }
    return message == null ? "" : ": " + ExportStats.truncate(message.trim());
  }

  private AttemptResult failure(Throwable error, long timeoutNanos) {
    if (error instanceof HttpTimeoutException) {
      return AttemptResult.retryable(timedOut(timeoutNanos));
    }
    for (Throwable cause = error; cause != null; cause = cause.getCause()) {
      if (cause instanceof SSLException) {
        return AttemptResult.failed("TLS failure: " + cause); // a retry meets the same certificate
      }
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

  private HttpClient client() {
    HttpClient current = client;
    if (current == null) {
      synchronized (lock) {
        current = client;
        if (current == null) {
          current = newClient();
          client = current;
        }
      }
    }
    return current;
  }

  private HttpClient newClient() {
    HttpClient.Builder builder = HttpClient.newBuilder();
    if (!config.timeout().isZero()) { // 0: no limit of its own, as in the Java SDK
      builder.connectTimeout(config.timeout());
    }
    if ("http".equals(config.endpoint().getScheme())) {
      // Cleartext HTTP/2 needs an upgrade dance many collectors and proxies get wrong.
      builder.version(HttpClient.Version.HTTP_1_1);
    }
    if (config.sslContext() != null) {
      builder.sslContext(config.sslContext());
    }
    return builder.build();
  }

  /** Configured headers the JDK accepts, then our User-Agent unless one was configured. */
  private static Map<String, String> requestHeaders(Map<String, String> configured) {
    Map<String, String> result = new LinkedHashMap<>();
    result.put("User-Agent", "weft-otlp-exporter/" + Version.get());
    for (Map.Entry<String, String> header : configured.entrySet()) {
      String name = header.getKey();
      try {
        // Restricted (Host, Connection, ...) or malformed headers would fail every request.
        HttpRequest.newBuilder().setHeader(name, header.getValue());
      } catch (IllegalArgumentException e) {
        log.warn("Ignoring OTLP header '" + name + "': " + e.getMessage());
        continue;
      }
      result.put(name.equalsIgnoreCase("User-Agent") ? "User-Agent" : name, header.getValue());
    }
    return result;
  }

  private static byte[] gzip(byte[] body) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream(body.length / 4 + 64);
    try (GZIPOutputStream gzip = new GZIPOutputStream(out, 8192)) {
      gzip.write(body);
    }
    return out.toByteArray();
  }
}
