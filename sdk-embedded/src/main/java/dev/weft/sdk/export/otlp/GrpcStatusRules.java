package dev.weft.sdk.export.otlp;

/**
 * What a gRPC status means for an OTLP export, by numeric code so that no gRPC class is needed to
 * decide it. Retryable: CANCELLED, DEADLINE_EXCEEDED, ABORTED, OUT_OF_RANGE, UNAVAILABLE,
 * DATA_LOSS, and RESOURCE_EXHAUSTED only when the server sent a {@code google.rpc.RetryInfo} (the
 * spec's rule; the Java SDK retries it unconditionally). A RetryInfo delay replaces the backoff.
 */
final class GrpcStatusRules {

  static final int OK = 0;
  static final int CANCELLED = 1;
  static final int DEADLINE_EXCEEDED = 4;
  static final int RESOURCE_EXHAUSTED = 8;
  static final int ABORTED = 10;
  static final int OUT_OF_RANGE = 11;
  static final int UNIMPLEMENTED = 12;
  static final int UNAVAILABLE = 14;
  static final int DATA_LOSS = 15;

  private GrpcStatusRules() {}

  /**
   * @param codeName the status code's name, for the log
   * @param description the status description and cause, nullable
   * @param details the {@code grpc-status-details-bin} trailer (a google.rpc.Status), nullable
   */
  static AttemptResult classify(
      int code, String codeName, String description, byte[] details, String endpoint) {
    if (code == OK) {
      return AttemptResult.SUCCESS;
    }
    long retryDelay = details == null ? -1 : OtlpResponses.retryDelayNanos(details);
    String reason = "gRPC " + codeName + (description == null ? "" : ": " + description);
    switch (code) {
      case CANCELLED:
      case DEADLINE_EXCEEDED:
      case ABORTED:
      case OUT_OF_RANGE:
      case UNAVAILABLE:
      case DATA_LOSS:
        return AttemptResult.retryable(reason, retryDelay);
      case RESOURCE_EXHAUSTED:
        return retryDelay >= 0
            ? AttemptResult.retryable(reason, retryDelay)
            : AttemptResult.failed(reason + " (no RetryInfo, so not retried)");
      case UNIMPLEMENTED:
        return AttemptResult.failed(
            reason
                + " - the collector at "
                + endpoint
                + " does not serve TraceService/Export: does its configuration have a traces"
                + " pipeline with an otlp receiver (service.pipelines.traces)?");
      default:
        return AttemptResult.failed(reason);
    }
  }
}
