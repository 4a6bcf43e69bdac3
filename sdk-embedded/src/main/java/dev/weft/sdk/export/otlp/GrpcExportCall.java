package dev.weft.sdk.export.otlp;

import io.grpc.CallOptions;
import io.grpc.ClientCall;
import io.grpc.ManagedChannel;
import io.grpc.Metadata;
import io.grpc.MethodDescriptor;
import io.grpc.Status;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * One unary {@code TraceService/Export} call carrying already-encoded bytes: a byte[] marshaller,
 * so neither generated messages nor grpc-protobuf are needed. Part of the gRPC exporter; only
 * loaded when the protocol is grpc.
 */
final class GrpcExportCall {

  static final String METHOD_NAME = "opentelemetry.proto.collector.trace.v1.TraceService/Export";

  private static final Metadata.Key<byte[]> STATUS_DETAILS =
      Metadata.Key.of("grpc-status-details-bin", Metadata.BINARY_BYTE_MARSHALLER);
  // Slack beyond the call deadline for gRPC to report DEADLINE_EXCEEDED itself.
  private static final long CLOSE_GRACE_NANOS = TimeUnit.MILLISECONDS.toNanos(500);

  static final MethodDescriptor<byte[], byte[]> EXPORT =
      MethodDescriptor.<byte[], byte[]>newBuilder()
          .setType(MethodDescriptor.MethodType.UNARY)
          .setFullMethodName(METHOD_NAME)
          .setRequestMarshaller(BytesMarshaller.INSTANCE)
          .setResponseMarshaller(BytesMarshaller.INSTANCE)
          .build();

  private GrpcExportCall() {}

  static AttemptResult send(
      ManagedChannel channel,
      Metadata headers,
      boolean gzip,
      byte[] request,
      long timeoutNanos,
      ExportStats stats)
      throws InterruptedException {
    CallOptions options = CallOptions.DEFAULT.withDeadlineAfter(timeoutNanos, TimeUnit.NANOSECONDS);
    ClientCall<byte[], byte[]> call =
        channel.newCall(EXPORT, gzip ? options.withCompression("gzip") : options);
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
    return result(listener, stats);
  }

  private static AttemptResult result(Listener listener, ExportStats stats) {
    Status status = listener.status;
    if (status.isOk()) {
      OtlpResponses.PartialSuccess partial =
          listener.response == null ? null : OtlpResponses.partialSuccess(listener.response);
      if (partial != null) {
        stats.partialSuccess(partial.rejectedSpans, partial.errorMessage); // never retried
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
