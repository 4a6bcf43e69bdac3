package dev.weft.smoketest;

import com.google.protobuf.Message;
import io.grpc.Metadata;
import io.grpc.ServerCall;
import io.grpc.ServerCallHandler;
import io.grpc.ServerInterceptor;
import io.grpc.ServerInterceptors;
import io.grpc.ServerServiceDefinition;
import io.grpc.Status;
import io.grpc.stub.StreamObserver;
import io.opentelemetry.proto.collector.logs.v1.ExportLogsServiceRequest;
import io.opentelemetry.proto.collector.logs.v1.ExportLogsServiceResponse;
import io.opentelemetry.proto.collector.logs.v1.LogsServiceGrpc;
import io.opentelemetry.proto.collector.metrics.v1.ExportMetricsServiceRequest;
import io.opentelemetry.proto.collector.metrics.v1.ExportMetricsServiceResponse;
import io.opentelemetry.proto.collector.metrics.v1.MetricsServiceGrpc;
import io.opentelemetry.proto.collector.trace.v1.ExportTraceServiceRequest;
import io.opentelemetry.proto.collector.trace.v1.ExportTraceServiceResponse;
import io.opentelemetry.proto.collector.trace.v1.TraceServiceGrpc;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** OTLP/gRPC services of {@link OtlpReceiver}, on the stubs shipped in opentelemetry-proto. */
final class OtlpGrpcServices {
  private final ReceivedTelemetry received;
  private final ResponsePlan plan;

  OtlpGrpcServices(ReceivedTelemetry received, ResponsePlan plan) {
    this.received = received;
    this.plan = plan;
  }

  /** Trace, metrics and logs services, each recording the request headers on arrival. */
  List<ServerServiceDefinition> definitions() {
    ServerInterceptor headerRecorder = new HeaderRecorder();
    return List.of(
        ServerInterceptors.intercept(new Traces(), headerRecorder),
        ServerInterceptors.intercept(new Metrics(), headerRecorder),
        ServerInterceptors.intercept(new Logs(), headerRecorder));
  }

  // All three responses are built by OtlpSignal, which returns the right type for its signal.
  @SuppressWarnings("unchecked")
  private <R> void answer(OtlpSignal signal, Message request, StreamObserver<R> responses) {
    Status.Code failure = plan.nextGrpcFailure();
    if (failure != null) {
      responses.onError(
          Status.fromCode(failure)
              .withDescription("failure programmed by OtlpReceiver")
              .asRuntimeException());
      return;
    }
    received.store(signal, request);
    responses.onNext((R) signal.response(plan.nextPartialSuccess()));
    responses.onCompleted();
  }

  private final class Traces extends TraceServiceGrpc.TraceServiceImplBase {
    @Override
    public void export(
        ExportTraceServiceRequest request, StreamObserver<ExportTraceServiceResponse> responses) {
      answer(OtlpSignal.TRACES, request, responses);
    }
  }

  private final class Metrics extends MetricsServiceGrpc.MetricsServiceImplBase {
    @Override
    public void export(
        ExportMetricsServiceRequest request,
        StreamObserver<ExportMetricsServiceResponse> responses) {
      answer(OtlpSignal.METRICS, request, responses);
    }
  }

  private final class Logs extends LogsServiceGrpc.LogsServiceImplBase {
    @Override
    public void export(
        ExportLogsServiceRequest request, StreamObserver<ExportLogsServiceResponse> responses) {
      answer(OtlpSignal.LOGS, request, responses);
    }
  }

  private final class HeaderRecorder implements ServerInterceptor {
    @Override
    public <Q, R> ServerCall.Listener<Q> interceptCall(
        ServerCall<Q, R> call, Metadata headers, ServerCallHandler<Q, R> next) {
      received.recordArrival(toMap(headers));
      return next.startCall(call, headers);
    }

    private Map<String, List<String>> toMap(Metadata metadata) {
      Map<String, List<String>> headers = new TreeMap<>(); // gRPC keys are lower-case already
      for (String name : metadata.keys()) {
        List<String> values = new ArrayList<>();
        if (name.endsWith(Metadata.BINARY_HEADER_SUFFIX)) {
          Metadata.Key<byte[]> key = Metadata.Key.of(name, Metadata.BINARY_BYTE_MARSHALLER);
          metadata.getAll(key).forEach(v -> values.add(Base64.getEncoder().encodeToString(v)));
        } else {
          metadata
              .getAll(Metadata.Key.of(name, Metadata.ASCII_STRING_MARSHALLER))
              .forEach(values::add);
        }
        headers.put(name, List.copyOf(values));
      }
      return Collections.unmodifiableMap(headers);
    }
  }
}
