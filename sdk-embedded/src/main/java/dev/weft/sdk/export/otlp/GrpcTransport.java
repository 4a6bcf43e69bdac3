package dev.weft.sdk.export.otlp;

import dev.weft.bootstrap.WeftLogger;
import dev.weft.core.Version;
import io.grpc.CallOptions;
import io.grpc.ClientCall;
import io.grpc.ManagedChannel;
import io.grpc.Metadata;
import io.grpc.MethodDescriptor;
import io.grpc.Status;
import io.grpc.okhttp.OkHttpChannelBuilder;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.util.Base64;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Unary OTLP {@code Export} calls (the configured signal's service) over grpc-okhttp carrying
 * already-encoded bytes (a byte[] marshaller: neither generated messages nor grpc-protobuf are
 * needed). The channel is built on the first call; gRPC's own retries are off because {@link
 * Retrier} applies the OTLP rules. The only class that names gRPC types; it is reached only through
 * {@link #export}, which exporters call only when the protocol is grpc.
 */
final class GrpcTransport implements OtlpExport.Transport {

  private static final WeftLogger log = WeftLogger.get("otlp");
  private static final int MAX_RESPONSE_BYTES = 4 * 1024 * 1024;
  private static final Metadata.Key<byte[]> STATUS_DETAILS =
      Metadata.Key.of("grpc-status-details-bin", Metadata.BINARY_BYTE_MARSHALLER);
  // Slack beyond the call deadline for gRPC to report DEADLINE_EXCEEDED itself.
  private static final long CLOSE_GRACE_NANOS = TimeUnit.MILLISECONDS.toNanos(500);

  private final MethodDescriptor<byte[], byte[]> method;
  private final OtlpExporterConfig config;
  private final Metadata headers;
  private final ExportStats stats;
  private final Object lock = new Object();
  // Written once under lock; volatile so later calls read it without locking.
  private volatile ManagedChannel channel;

  GrpcTransport(OtlpExporterConfig config, ExportStats stats) {
    this.method = method(config.signal().grpcMethod());
    this.config = config;
    this.headers = metadata(config.headers());
    this.stats = stats;
  }

  @Override
  public AttemptResult send(byte[] request, long timeoutNanos) throws InterruptedException {
    CallOptions options = CallOptions.DEFAULT.withDeadlineAfter(timeoutNanos, TimeUnit.NANOSECONDS);
    ClientCall<byte[], byte[]> call =
        channel().newCall(method, config.gzip() ? options.withCompression("gzip") : options);
    Listener listener = new Listener();
    call.start(listener, headers);
    call.request(1);
    call.sendMessage(request);
    call.halfClose();
    try {
      listener.closed.get(timeoutNanos + CLOSE_GRACE_NANOS, TimeUnit.NANOSECONDS);
    } catch (TimeoutException e) {
      call.cancel("export timed out", null);
      return AttemptResult.retryable(
          "no response within " + TimeUnit.NANOSECONDS.toMillis(timeoutNanos) + " ms");
    } catch (ExecutionException e) {
      return AttemptResult.failed(String.valueOf(e.getCause())); // the listener never fails it
    }
    return result(listener);
  }

  /**
   * An export over gRPC for {@code config}'s signal. The only way in: callers reach gRPC types only
   * by calling this, so a JVM exporting over HTTP never loads them.
   */
  static OtlpExport export(OtlpExporterConfig config) {
    ExportStats stats = new ExportStats(config);
    return new OtlpExport(config, new GrpcTransport(config, stats), stats);
  }

  static MethodDescriptor<byte[], byte[]> method(String fullName) {
    return MethodDescriptor.<byte[], byte[]>newBuilder()
        .setType(MethodDescriptor.MethodType.UNARY)
        .setFullMethodName(fullName)
        .setRequestMarshaller(BytesMarshaller.INSTANCE)
        .setResponseMarshaller(BytesMarshaller.INSTANCE)
        .build();
  }

  @Override
  public void close() {
    ManagedChannel current = channel;
    if (current == null) {
      return;
    }
    current.shutdown();
    try {
      if (!current.awaitTermination(5, TimeUnit.SECONDS)) {
        current.shutdownNow();
      }
    } catch (InterruptedException e) {
      current.shutdownNow();
      Thread.currentThread().interrupt();
    }
  }

  private AttemptResult result(Listener listener) {
    Status status = listener.status;
    if (status.isOk()) {
      OtlpResponses.PartialSuccess partial =
          listener.response == null ? null : OtlpResponses.partialSuccess(listener.response);
      if (partial != null) {
        stats.partialSuccess(partial.rejected, partial.errorMessage); // never retried
      }
      return AttemptResult.SUCCESS;
    }
    byte[] details = listener.trailers == null ? null : listener.trailers.get(STATUS_DETAILS);
    return GrpcStatusRules.classify(
        status.getCode().value(),
        status.getCode().name(),
        describe(status),
        details,
        stats.target());
  }

  private static String describe(Status status) {
    String description = status.getDescription();
    Throwable cause = status.getCause();
    if (cause == null) {
      return description;
    }
    return (description == null ? "" : description + ": ") + cause;
  }

  private ManagedChannel channel() {
    ManagedChannel current = channel;
    if (current == null) {
      synchronized (lock) {
        current = channel;
        if (current == null) {
          current = newChannel();
          channel = current;
        }
      }
    }
    return current;
  }

  private ManagedChannel newChannel() {
    URI endpoint = config.endpoint();
    boolean tls = "https".equals(endpoint.getScheme());
    int port = endpoint.getPort() != -1 ? endpoint.getPort() : tls ? 443 : 80;
    OkHttpChannelBuilder builder =
        OkHttpChannelBuilder.forAddress(endpoint.getHost(), port)
            .userAgent("weft-otlp-exporter/" + Version.get())
            .maxInboundMessageSize(MAX_RESPONSE_BYTES)
            .disableRetry() // the Retrier applies the OTLP rules; two layers would multiply
            .directExecutor(); // listeners only complete a future: no thread hop needed
    if (!tls) {
      builder.usePlaintext();
    } else if (config.sslContext() != null) {
      builder.useTransportSecurity().sslSocketFactory(config.sslContext().getSocketFactory());
    } else {
      builder.useTransportSecurity();
    }
    return builder.build();
  }

  /** gRPC metadata keys are lower-case ASCII; a key gRPC refuses is dropped with a warning. */
  private static byte[] decodeBase64(String value) {
    try {
      // Standard or URL-safe alphabet, padded or not, as gRPC accepts.
      String standard = value.trim().replace('-', '+').replace('_', '/');
      return Base64.getDecoder().decode(standard);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("a -bin header value must be base64", e);
    }
  }

  // Visible for testing.
  static Metadata metadata(Map<String, String> configured) {
    Metadata metadata = new Metadata();
    for (Map.Entry<String, String> header : configured.entrySet()) {
      String name = header.getKey().toLowerCase(Locale.ROOT);
      try {
        if (name.endsWith(Metadata.BINARY_HEADER_SUFFIX)) {
          // On the wire a -bin value is base64, which is what the configuration holds (as with
          // the official exporter, which sends it verbatim); gRPC wants the decoded bytes.
          byte[] value = decodeBase64(header.getValue());
          metadata.put(Metadata.Key.of(name, Metadata.BINARY_BYTE_MARSHALLER), value);
        } else {
          metadata.put(Metadata.Key.of(name, Metadata.ASCII_STRING_MARSHALLER), header.getValue());
        }
      } catch (IllegalArgumentException e) {
        log.warn("Ignoring OTLP header '" + header.getKey() + "': " + e.getMessage());
      }
    }
    return metadata;
  }

  /** Collects the response and the closing status of one call. */
  static final class Listener extends ClientCall.Listener<byte[]> {
    final CompletableFuture<Void> closed = new CompletableFuture<>();
    // Written by the transport thread before `closed` completes, read after: safely published.
    byte[] response;
    Status status;
    Metadata trailers;

    @Override
    public void onMessage(byte[] message) {
      response = message;
    }

    @Override
    public void onClose(Status status, Metadata trailers) {
      this.status = status;
      this.trailers = trailers;
      closed.complete(null);
    }
  }

  /** Passes encoded protobuf through unchanged. */
  enum BytesMarshaller implements MethodDescriptor.Marshaller<byte[]> {
    INSTANCE;

    @Override
    public InputStream stream(byte[] value) {
      return new ByteArrayInputStream(value);
    }

    @Override
    public byte[] parse(InputStream stream) {
      try {
        return stream.readAllBytes(); // bounded by the channel's 4 MiB inbound message limit
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
  }
}
