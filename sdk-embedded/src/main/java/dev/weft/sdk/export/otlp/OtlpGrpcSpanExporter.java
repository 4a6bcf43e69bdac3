package dev.weft.sdk.export.otlp;

import dev.weft.sdk.trace.export.SpanExporter;

/**
 * Creates the OTLP/gRPC span exporter. {@link GrpcTransport} is the only class that names gRPC
 * types, and it is reached only through {@link #create}, which {@code SpanExporters} calls only
 * when the protocol is grpc: a JVM exporting over HTTP never loads gRPC. Kept apart from {@link
 * OtlpSpanExporter} so that verifying that class never resolves {@code GrpcTransport}.
 */
public final class OtlpGrpcSpanExporter {

  private OtlpGrpcSpanExporter() {}

  /** An exporter for {@code config} (protocol grpc). */
  public static SpanExporter create(OtlpExporterConfig config) {
    return new OtlpSpanExporter(config, GrpcTransport.export(config));
  }
}
