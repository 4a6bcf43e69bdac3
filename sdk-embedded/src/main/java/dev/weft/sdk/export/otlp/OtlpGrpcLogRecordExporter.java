package dev.weft.sdk.export.otlp;

import dev.weft.sdk.logs.export.LogRecordExporter;

/**
 * Creates the OTLP/gRPC log record exporter; like {@link OtlpGrpcSpanExporter}, the only way to
 * {@link GrpcTransport}, reached only when the logs protocol is grpc.
 */
public final class OtlpGrpcLogRecordExporter {

  private OtlpGrpcLogRecordExporter() {}

  /** An exporter for {@code config} (protocol grpc). */
  public static LogRecordExporter create(OtlpExporterConfig config) {
    return new OtlpLogRecordExporter(config, GrpcTransport.export(config));
  }
}
