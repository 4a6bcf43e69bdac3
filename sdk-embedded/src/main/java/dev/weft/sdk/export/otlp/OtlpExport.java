package dev.weft.sdk.export.otlp;

import dev.weft.bootstrap.context.Context;
import dev.weft.bootstrap.context.Scope;
import dev.weft.core.api.Suppression;
import dev.weft.sdk.trace.export.ExportResult;
import java.io.IOException;

/**
 * What every OTLP exporter (any signal, either protocol) does around its transport: encode once,
 * refuse oversized requests, retry by {@link Retrier}, count and log what is dropped, never throw.
 * Every export runs in a context that suppresses instrumentation, so sending telemetry never
 * produces telemetry of its own.
 */
final class OtlpExport {

  /** Writes one export request; called once per export, under suppression. */
  interface Encoder {
    byte[] encode() throws IOException;
  }

  /** Sends one encoded request; HTTP and gRPC differ only here. */
  interface Transport extends AutoCloseable {

    /** The bytes to send for an encoded request, prepared once for all attempts. */
    default byte[] payload(byte[] request) throws IOException {
      return request;
    }

    /** One attempt, bounded by {@code timeoutNanos}. */
    AttemptResult send(byte[] payload, long timeoutNanos) throws InterruptedException;

    /** Releases connections; called once, at shutdown. */
    @Override
    void close();
  }

  // OTLP: clients should not send requests over 64 MiB (before compression).
  static final int MAX_REQUEST_BYTES = 64 * 1024 * 1024;

  private final Transport transport;
  private final Retrier retrier;
  private final ExportStats stats;
  private volatile boolean shutdown;

  OtlpExport(OtlpExporterConfig config, Transport transport, ExportStats stats) {
    this.transport = transport;
    this.retrier = new Retrier(config.retryEnabled(), config.timeout().toNanos());
    this.stats = stats;
  }

  /** An export over HTTP/protobuf; the connection is opened on the first request. */
  static OtlpExport http(OtlpExporterConfig config) {
    ExportStats stats = new ExportStats(config);
    return new OtlpExport(config, new HttpTransport(config, stats), stats);
  }

  /**
   * Encodes and sends {@code items} items (spans, data points or log records; only counted here),
   * waiting at most {@code timeoutNanos}, retries included.
   */
  ExportResult export(Encoder encoder, int items, long timeoutNanos) {
    if (items == 0) {
      return ExportResult.SUCCESS;
    }
    if (shutdown) {
      stats.dropped(items, "the exporter is shut down");
      return ExportResult.FAILURE;
    }
    try (Scope ignored = Suppression.suppress(Context.root()).makeCurrent()) {
      byte[] request = encoder.encode();
      if (request.length > MAX_REQUEST_BYTES) {
        stats.dropped(items, "request of " + request.length + " bytes exceeds 64 MiB");
        return ExportResult.FAILURE;
      }
      byte[] payload = transport.payload(request);
      AttemptResult result = retrier.run(timeout -> transport.send(payload, timeout), timeoutNanos);
      if (result.kind() == AttemptResult.Kind.SUCCESS) {
        return ExportResult.SUCCESS;
      }
      stats.dropped(items, result.reason());
      return ExportResult.FAILURE;
    } catch (Throwable t) {
      Throwables.rethrowIfFatal(t);
      stats.dropped(items, t.toString());
      return ExportResult.FAILURE;
    }
  }

  void shutdown() {
    shutdown = true;
    transport.close();
  }

  /** Items lost since start (visible for tests and for the exporters' own accounting). */
  long dropped() {
    return stats.dropped();
  }
}
