package dev.weft.smoketest;

import com.google.protobuf.Message;
import io.opentelemetry.proto.collector.logs.v1.ExportLogsServiceRequest;
import io.opentelemetry.proto.collector.metrics.v1.ExportMetricsServiceRequest;
import io.opentelemetry.proto.collector.trace.v1.ExportTraceServiceRequest;
import io.opentelemetry.proto.logs.v1.LogRecord;
import io.opentelemetry.proto.metrics.v1.Metric;
import io.opentelemetry.proto.trace.v1.Span;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import java.util.stream.Collectors;

/** Thread-safe store of what an {@link OtlpReceiver} got, from either transport. */
final class ReceivedTelemetry {
  private final Object lock = new Object();

  // All guarded by lock.
  private final List<ExportTraceServiceRequest> traceRequests = new ArrayList<>();
  private final List<ExportMetricsServiceRequest> metricRequests = new ArrayList<>();
  private final List<ExportLogsServiceRequest> logRequests = new ArrayList<>();
  private Map<String, List<String>> lastHeaders = Map.of();
  private int requestCount;

  /** Every request, answered with success or not; {@code headers} keyed by lower-case name. */
  void recordArrival(Map<String, List<String>> headers) {
    synchronized (lock) {
      requestCount++;
      lastHeaders = headers;
    }
  }

  void store(OtlpSignal signal, Message request) {
    synchronized (lock) {
      switch (signal) {
        case TRACES:
          traceRequests.add((ExportTraceServiceRequest) request);
          break;
        case METRICS:
          metricRequests.add((ExportMetricsServiceRequest) request);
          break;
        case LOGS:
          logRequests.add((ExportLogsServiceRequest) request);
          break;
      }
      lock.notifyAll();
    }
  }

  List<ExportTraceServiceRequest> traceRequests() {
    synchronized (lock) {
      return List.copyOf(traceRequests);
    }
  }

  List<ExportMetricsServiceRequest> metricRequests() {
    synchronized (lock) {
      return List.copyOf(metricRequests);
    }
  }

  List<ExportLogsServiceRequest> logRequests() {
    synchronized (lock) {
      return List.copyOf(logRequests);
    }
  }

  List<Span> spans() {
    return traceRequests().stream()
        .flatMap(request -> request.getResourceSpansList().stream())
        .flatMap(resource -> resource.getScopeSpansList().stream())
        .flatMap(scope -> scope.getSpansList().stream())
        .collect(Collectors.toList());
  }

  List<Metric> metrics() {
    return metricRequests().stream()
        .flatMap(request -> request.getResourceMetricsList().stream())
        .flatMap(resource -> resource.getScopeMetricsList().stream())
        .flatMap(scope -> scope.getMetricsList().stream())
        .collect(Collectors.toList());
  }

  List<LogRecord> logRecords() {
    return logRequests().stream()
        .flatMap(request -> request.getResourceLogsList().stream())
        .flatMap(resource -> resource.getScopeLogsList().stream())
        .flatMap(scope -> scope.getLogRecordsList().stream())
        .collect(Collectors.toList());
  }

  Map<String, List<String>> lastHeaders() {
    synchronized (lock) {
      return lastHeaders;
    }
  }

  int requestCount() {
    synchronized (lock) {
      return requestCount;
    }
  }

  /** {@code items} once it has at least {@code count} elements, or null after {@code timeout}. */
  <T> List<T> await(Supplier<List<T>> items, int count, Duration timeout)
      throws InterruptedException {
    long deadline = System.nanoTime() + timeout.toNanos();
    synchronized (lock) {
      while (true) {
        List<T> current = items.get();
        if (current.size() >= count) {
          return current;
        }
        long remainingMillis = Duration.ofNanos(deadline - System.nanoTime()).toMillis();
        if (remainingMillis <= 0) {
          return null;
        }
        lock.wait(remainingMillis);
      }
    }
  }

  /** For failure messages: what arrived, per signal. */
  String summary() {
    synchronized (lock) {
      return requestCount
          + " requests arrived; stored "
          + traceRequests.size()
          + " trace, "
          + metricRequests.size()
          + " metric and "
          + logRequests.size()
          + " log requests; spans: "
          + spans().stream()
              .map(span -> span.getName() + " (" + span.getKind() + ")")
              .collect(Collectors.toList())
          + "; metrics: "
          + metrics().stream().map(Metric::getName).collect(Collectors.toList())
          + "; log records: "
          + logRecords().size();
    }
  }

  void clear() {
    synchronized (lock) {
      traceRequests.clear();
      metricRequests.clear();
      logRequests.clear();
      lastHeaders = Map.of();
      requestCount = 0;
    }
  }
}
