package dev.weft.sdk.export.otlp;

/** The outcome of one request to the collector, and whether another attempt may help. */
final class AttemptResult {

  enum Kind {
    SUCCESS,
    RETRYABLE,
    FAILED
  }

  static final AttemptResult SUCCESS = new AttemptResult(Kind.SUCCESS, "", -1);

  private final Kind kind;
  private final String reason;
  private final long delayNanos;

  private AttemptResult(Kind kind, String reason, long delayNanos) {
    this.kind = kind;
    this.reason = reason;
    this.delayNanos = delayNanos;
  }

  /** Not worth retrying (bad data, bad credentials, no such endpoint...). */
  static AttemptResult failed(String reason) {
    return new AttemptResult(Kind.FAILED, reason, -1);
  }

  /** Worth retrying after the usual exponential backoff. */
  static AttemptResult retryable(String reason) {
    return new AttemptResult(Kind.RETRYABLE, reason, -1);
  }

  /**
   * Worth retrying after the delay the server asked for ({@code Retry-After}, {@code RetryInfo}); a
   * negative delay means none was given.
   */
  static AttemptResult retryable(String reason, long delayNanos) {
    return new AttemptResult(Kind.RETRYABLE, reason, delayNanos);
  }

  Kind kind() {
    return kind;
  }

  String reason() {
    return reason;
  }

  /** The server's requested delay, or negative when the backoff decides. */
  long delayNanos() {
    return delayNanos;
  }

  @Override
  public String toString() {
    return kind + (reason.isEmpty() ? "" : ": " + reason);
  }
}
