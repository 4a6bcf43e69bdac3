package dev.weft.smoketest;

import com.google.protobuf.InvalidProtocolBufferException;
import com.google.protobuf.Message;
import io.opentelemetry.proto.collector.logs.v1.ExportLogsPartialSuccess;
import io.opentelemetry.proto.collector.logs.v1.ExportLogsServiceRequest;
import io.opentelemetry.proto.collector.logs.v1.ExportLogsServiceResponse;
import io.opentelemetry.proto.collector.metrics.v1.ExportMetricsPartialSuccess;
import io.opentelemetry.proto.collector.metrics.v1.ExportMetricsServiceRequest;
import io.opentelemetry.proto.collector.metrics.v1.ExportMetricsServiceResponse;
import io.opentelemetry.proto.collector.trace.v1.ExportTracePartialSuccess;
import io.opentelemetry.proto.collector.trace.v1.ExportTraceServiceRequest;
import io.opentelemetry.proto.collector.trace.v1.ExportTraceServiceResponse;

/** The three OTLP signals: HTTP path, and decoding and answering with the official classes. */
enum OtlpSignal {
  TRACES("/v1/traces") {
    @Override
    Message parseRequest(byte[] body) throws InvalidProtocolBufferException {
      return ExportTraceServiceRequest.parseFrom(body);
    }

    @Override
    Message response(ResponsePlan.PartialSuccess partial) {
      if (partial == null) {
        return ExportTraceServiceResponse.getDefaultInstance();
      }
      return ExportTraceServiceResponse.newBuilder()
          .setPartialSuccess(
              ExportTracePartialSuccess.newBuilder()
                  .setRejectedSpans(partial.rejected())
                  .setErrorMessage(partial.message()))
          .build();
    }
  },
  METRICS("/v1/metrics") {
    @Override
    Message parseRequest(byte[] body) throws InvalidProtocolBufferException {
      return ExportMetricsServiceRequest.parseFrom(body);
    }

    @Override
    Message response(ResponsePlan.PartialSuccess partial) {
      if (partial == null) {
        return ExportMetricsServiceResponse.getDefaultInstance();
      }
      return ExportMetricsServiceResponse.newBuilder()
          .setPartialSuccess(
              ExportMetricsPartialSuccess.newBuilder()
                  .setRejectedDataPoints(partial.rejected())
                  .setErrorMessage(partial.message()))
          .build();
    }
  },
  LOGS("/v1/logs") {
    @Override
    Message parseRequest(byte[] body) throws InvalidProtocolBufferException {
      return ExportLogsServiceRequest.parseFrom(body);
    }

    @Override
    Message response(ResponsePlan.PartialSuccess partial) {
      if (partial == null) {
        return ExportLogsServiceResponse.getDefaultInstance();
      }
      return ExportLogsServiceResponse.newBuilder()
          .setPartialSuccess(
              ExportLogsPartialSuccess.newBuilder()
                  .setRejectedLogRecords(partial.rejected())
                  .setErrorMessage(partial.message()))
          .build();
    }
  };

  private final String httpPath;

  OtlpSignal(String httpPath) {
    this.httpPath = httpPath;
  }

  String httpPath() {
    return httpPath;
  }

  /** The signal served at {@code path}, or null. */
  static OtlpSignal forHttpPath(String path) {
    for (OtlpSignal signal : values()) {
      if (signal.httpPath.equals(path)) {
        return signal;
      }
    }
    return null;
  }

  abstract Message parseRequest(byte[] body) throws InvalidProtocolBufferException;

  /** The Export*ServiceResponse: empty, or carrying {@code partial} when not null. */
  abstract Message response(ResponsePlan.PartialSuccess partial);
}
