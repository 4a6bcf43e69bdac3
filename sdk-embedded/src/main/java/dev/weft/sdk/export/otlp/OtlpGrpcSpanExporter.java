package dev.weft.sdk.export.otlp;

import dev.weft.bootstrap.WeftLogger;
import dev.weft.bootstrap.context.Context;
import dev.weft.bootstrap.context.Scope;
import dev.weft.core.Version;
import dev.weft.core.api.Suppression;
import dev.weft.sdk.trace.data.SpanData;
import dev.weft.sdk.trace.export.ExportResult;
import dev.weft.sdk.trace.export.SpanExporter;
import io.grpc.ManagedChannel;
import io.grpc.Metadata;
import io.grpc.okhttp.OkHttpChannelBuilder;
import java.net.URI;
import java.util.Collection;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * OTLP/gRPC over grpc-okhttp. This class and {@link GrpcExportCall} are the only ones that name
 * gRPC types: they are loaded only through {@link #create}, which {@code SpanExporters} calls only
 * when the protocol is grpc, so a JVM exporting over HTTP never loads gRPC. The channel is built on
 * the first export. Retries by {@link Retrier} (gRPC's own retry is off); failures are counted and
 * logged, never thrown.
 */
public final class OtlpGrpcSpanExporter implements SpanExporter {

  private static final WeftLogger log = WeftLogger.get("otlp");
  private static final int MAX_RESPONSE_BYTES = 4 * 1024 * 1024;

  private final OtlpExporterConfig config;
  private final Metadata headers;
  private final Retrier retrier;
  private final ExportStats stats;
  private final Object lock = new Object();
  // Written once under lock; volatile so later exports read it without locking.
  private volatile ManagedChannel channel;
  private volatile boolean shutdown;

  private OtlpGrpcSpanExporter(OtlpExporterConfig config) {
    this.config = config;
    this.headers = metadata(config.headers());
    this.retrier = new Retrier(config.retryEnabled(), config.timeout().toNanos());
    this.stats = new ExportStats(config.endpoint().toString());
  }

  /**
   * An exporter for {@code config} (protocol grpc). Declared as {@link SpanExporter} so that
   * callers link against no type of this class until they call it.
   */
  public static SpanExporter create(OtlpExporterConfig config) {
    return new OtlpGrpcSpanExporter(config);
  }

  @Override
  public ExportResult export(Collection<? extends SpanData> spans, long timeoutNanos) {
    if (spans.isEmpty()) {
      return ExportResult.SUCCESS;
    }
    if (shutdown) {
      stats.dropped(spans.size(), "the exporter is shut down");
      return ExportResult.FAILURE;
    }
    try (Scope ignored = Suppression.suppress(Context.root()).makeCurrent()) {
      byte[] request = OtlpTraceEncoder.encode(spans);
      if (request.length > OtlpHttpSpanExporter.MAX_REQUEST_BYTES) {
        stats.dropped(spans.size(), "request of " + request.length + " bytes exceeds 64 MiB");
        return ExportResult.FAILURE;
      }
      ManagedChannel current = channel();
      AttemptResult result =
          retrier.run(
              timeout ->
                  GrpcExportCall.send(current, headers, config.gzip(), request, timeout, stats),
              timeoutNanos);
      if (result.kind() == AttemptResult.Kind.SUCCESS) {
        return ExportResult.SUCCESS;
      }
      stats.dropped(spans.size(), result.reason());
      return ExportResult.FAILURE;
    } catch (Throwable t) {
      Throwables.rethrowIfFatal(t);
      stats.dropped(spans.size(), t.toString());
      return ExportResult.FAILURE;
    }
  }

  @Override
  public void shutdown() {
    shutdown = true;
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

  // Visible for testing.
  long droppedSpans() {
    return stats.droppedSpans();
  }

  @Override
  public String toString() {
    return config.toString();
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
  private static Metadata metadata(Map<String, String> configured) {
    Metadata metadata = new Metadata();
    for (Map.Entry<String, String> header : configured.entrySet()) {
      String name = header.getKey().toLowerCase(Locale.ROOT);
      try {
        if (name.endsWith(Metadata.BINARY_HEADER_SUFFIX)) {
          throw new IllegalArgumentException("binary headers are not supported");
        }
        metadata.put(Metadata.Key.of(name, Metadata.ASCII_STRING_MARSHALLER), header.getValue());
      } catch (IllegalArgumentException e) {
        log.warn("Ignoring OTLP header '" + header.getKey() + "': " + e.getMessage());
      }
    }
    return metadata;
  }
}
