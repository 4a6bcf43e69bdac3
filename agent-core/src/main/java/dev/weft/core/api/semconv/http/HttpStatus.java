package dev.weft.core.api.semconv.http;

import dev.weft.core.api.trace.Span;
import dev.weft.core.api.trace.StatusCode;

/**
 * Span status and {@code error.type} of HTTP spans. 5xx is an error on both sides, 4xx only on the
 * client (the server answered correctly); a status code outside 100..599 is invalid, hence an
 * error. Without an error status, a thrown exception makes the error and names its type. The status
 * description stays empty: repeating the code there is what the spec asks not to do.
 */
final class HttpStatus {

  private HttpStatus() {}

  /** Sets the response status code, and status and {@code error.type} when it is an error. */
  static void onEnd(Span span, int statusCode, Throwable error, boolean client) {
    if (statusCode > 0) {
      span.setAttribute(HttpAttributes.HTTP_RESPONSE_STATUS_CODE, (long) statusCode);
    }
    String errorType = errorType(statusCode, error, client);
    if (errorType != null) {
      span.setAttribute(HttpAttributes.ERROR_TYPE, errorType);
      span.setStatus(StatusCode.ERROR, null);
    }
  }

  /** The status code when it is an error, else the exception's class name, else null. */
  static String errorType(int statusCode, Throwable error, boolean client) {
    if (statusCode > 0 && isError(statusCode, client)) {
      return Integer.toString(statusCode);
    }
    return error != null ? error.getClass().getName() : null;
  }

  static boolean isError(int statusCode, boolean client) {
    return statusCode < 100 || statusCode >= 600 || statusCode >= (client ? 400 : 500);
  }
}
