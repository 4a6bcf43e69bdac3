package dev.weft.core.api.semconv.http;

import dev.weft.core.api.trace.SpanBuilder;
import java.util.Set;

/** {@code http.request.method} and the method part of span names, per the known-methods list. */
final class HttpMethod {

  /** The span-name method when the request's is not a known one. */
  static final String UNKNOWN_IN_NAME = "HTTP";

  private HttpMethod() {}

  /** The method for span names: itself if known (case-sensitive, as the spec says), else HTTP. */
  static String forName(String method, Set<String> known) {
    return method != null && known.contains(method) ? method : UNKNOWN_IN_NAME;
  }

  /** Sets the method, or {@code _OTHER} plus {@code http.request.method_original}. */
  static void set(SpanBuilder span, String method, Set<String> known) {
    if (method == null) {
      return;
    }
    if (known.contains(method)) {
      span.setAttribute(HttpAttributes.HTTP_REQUEST_METHOD, method);
    } else {
      span.setAttribute(HttpAttributes.HTTP_REQUEST_METHOD, HttpAttributes.OTHER);
      span.setAttribute(HttpAttributes.HTTP_REQUEST_METHOD_ORIGINAL, method);
    }
  }
}
