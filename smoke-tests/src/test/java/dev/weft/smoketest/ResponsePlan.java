package dev.weft.smoketest;

import io.grpc.Status;

/** Non-default answers programmed into an {@link OtlpReceiver}, each for a number of requests. */
final class ResponsePlan {
  private final Object lock = new Object();

  // All guarded by lock.
  private HttpFailure httpFailure;
  private int httpFailuresLeft;
  private Status.Code grpcFailure;
  private int grpcFailuresLeft;
  private PartialSuccess partialSuccess;
  private int partialSuccessesLeft;

  void failHttp(int httpStatus, String retryAfter, int times) {
    if (httpStatus < 300 || httpStatus > 599) {
      throw new IllegalArgumentException("not a failure status: " + httpStatus);
    }
    requirePositive(times);
    synchronized (lock) {
      httpFailure = new HttpFailure(httpStatus, retryAfter);
      httpFailuresLeft = times;
    }
  }

  void failGrpc(Status.Code code, int times) {
    if (code == Status.Code.OK) {
      throw new IllegalArgumentException("OK is not a failure");
    }
    requirePositive(times);
    synchronized (lock) {
      grpcFailure = code;
      grpcFailuresLeft = times;
    }
  }

  void partialSuccess(long rejected, String message, int times) {
    requirePositive(times);
    synchronized (lock) {
      partialSuccess = new PartialSuccess(rejected, message == null ? "" : message);
      partialSuccessesLeft = times;
    }
  }

  /** The failure for the next HTTP request, or null for a normal answer. */
  HttpFailure nextHttpFailure() {
    synchronized (lock) {
      if (httpFailuresLeft == 0) {
        return null;
      }
      httpFailuresLeft--;
      return httpFailure;
    }
  }

  /** The failure for the next gRPC call, or null for a normal answer. */
  Status.Code nextGrpcFailure() {
    synchronized (lock) {
      if (grpcFailuresLeft == 0) {
        return null;
      }
      grpcFailuresLeft--;
      return grpcFailure;
    }
  }

  /** The partial success for the next accepted request (either transport), or null. */
  PartialSuccess nextPartialSuccess() {
    synchronized (lock) {
      if (partialSuccessesLeft == 0) {
        return null;
      }
      partialSuccessesLeft--;
      return partialSuccess;
    }
  }

  void clear() {
    synchronized (lock) {
      httpFailuresLeft = 0;
      grpcFailuresLeft = 0;
      partialSuccessesLeft = 0;
    }
  }

  private static void requirePositive(int times) {
    if (times < 1) {
      throw new IllegalArgumentException("times must be at least 1: " + times);
    }
  }

  /** An HTTP status to answer with, and the Retry-After value to send (null: none). */
  static final class HttpFailure {
    private final int status;
    private final String retryAfter;

    HttpFailure(int status, String retryAfter) {
      this.status = status;
      this.retryAfter = retryAfter;
    }

    int status() {
      return status;
    }

    String retryAfter() {
      return retryAfter;
    }
  }

  /** The rejected count and message of a partial-success response. */
  static final class PartialSuccess {
    private final long rejected;
    private final String message;

    PartialSuccess(long rejected, String message) {
      this.rejected = rejected;
      this.message = message;
    }

    long rejected() {
      return rejected;
    }

    String message() {
      return message;
    }
  }
}
