package dev.weft.core.api.semconv.http;

/**
 * Parsing of the headers a proxy adds ({@code Forwarded}, RFC 7239; {@code X-Forwarded-*}) and of
 * {@code host[:port]} values. Pure; never throws on malformed input (returns null or -1).
 */
final class ForwardedHeaders {

  private ForwardedHeaders() {}

  /**
   * The value of parameter {@code name} (lower-case) in the first element of a {@code Forwarded}
   * header, unquoted; null when absent.
   */
  static String forwardedParameter(String forwarded, String name) {
    if (forwarded == null) {
      return null;
    }
    int end = endOfFirstElement(forwarded);
    int position = 0;
    while (position < end) {
      int semicolon = indexOutsideQuotes(forwarded, ';', position, end);
      int pairEnd = semicolon < 0 ? end : semicolon;
      int start = skipSpaces(forwarded, position, pairEnd);
      int eq = forwarded.indexOf('=', start);
      if (eq > start
          && eq < pairEnd
          && eq - start == name.length()
          && forwarded.regionMatches(true, start, name, 0, name.length())) {
        return unquote(forwarded.substring(eq + 1, pairEnd).trim());
      }
      position = pairEnd + 1;
    }
    return null;
  }

  /** The first entry of a comma-separated list ({@code X-Forwarded-For}), trimmed; null if none. */
  static String firstEntry(String list) {
    if (list == null) {
      return null;
    }
    int comma = list.indexOf(',');
    String first = (comma < 0 ? list : list.substring(0, comma)).trim();
    return first.isEmpty() ? null : first;
  }

  /**
   * The address of a node identifier: {@code 192.0.2.1:8080} → {@code 192.0.2.1}, {@code
   * [2001:db8::1]:8080} → {@code 2001:db8::1}; an IPv6 literal without brackets stays as it is.
   */
  static String address(String node) {
    if (node == null || node.isEmpty()) {
      return null;
    }
    if (node.charAt(0) == '[') {
      int close = node.indexOf(']');
      return close > 1 ? node.substring(1, close) : null;
    }
    int colon = node.indexOf(':');
    if (colon < 0) {
      return node;
    }
    if (node.indexOf(':', colon + 1) >= 0) {
      return node; // several colons: a bare IPv6 literal, no port
    }
    return colon == 0 ? null : node.substring(0, colon);
  }

  /** The port of {@code host:port} or {@code [v6]:port}; -1 when absent or not a port. */
  static int port(String hostAndPort) {
    if (hostAndPort == null) {
      return -1;
    }
    int colon = hostAndPort.lastIndexOf(':');
    if (colon < 0 || hostAndPort.indexOf(']', colon) >= 0) {
      return -1;
    }
    if (hostAndPort.charAt(0) != '[' && hostAndPort.indexOf(':') != colon) {
      return -1; // a bare IPv6 literal
    }
    return parsePort(hostAndPort, colon + 1);
  }

  private static int parsePort(String text, int start) {
    int length = text.length() - start;
    if (length < 1 || length > 5) {
      return -1;
    }
    int port = 0;
    for (int i = start; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c < '0' || c > '9') {
        return -1;
      }
      port = port * 10 + (c - '0');
    }
    return port <= 65535 ? port : -1;
  }

  private static int endOfFirstElement(String forwarded) {
    int comma = indexOutsideQuotes(forwarded, ',', 0, forwarded.length());
    return comma < 0 ? forwarded.length() : comma;
  }

  private static int indexOutsideQuotes(String text, char wanted, int from, int end) {
    boolean quoted = false;
    for (int i = from; i < end; i++) {
      char c = text.charAt(i);
      if (c == '"') {
        quoted = !quoted;
      } else if (c == wanted && !quoted) {
        return i;
      }
    }
    return -1;
  }

  private static int skipSpaces(String text, int from, int end) {
    int i = from;
    while (i < end && text.charAt(i) == ' ') {
      i++;
    }
    return i;
  }

  private static String unquote(String value) {
    if (value.length() >= 2 && value.charAt(0) == '"' && value.charAt(value.length() - 1) == '"') {
      return value.substring(1, value.length() - 1);
    }
    return value;
  }
}
