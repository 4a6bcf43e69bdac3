package dev.weft.core.api.semconv.http;

/**
 * Redacts what {@code url.full} and {@code url.query} must not carry: credentials in the authority
 * ({@code https://REDACTED:REDACTED@host/}) and the values of sensitive query parameters ({@code
 * sig=REDACTED}). Pure; returns the same instance, allocating nothing, when there is nothing to
 * redact.
 */
final class UrlRedactor {

  static final String REDACTED = "REDACTED";
  private static final String CREDENTIALS = "REDACTED:REDACTED";

  private UrlRedactor() {}

  /** {@code url} with credentials and the values of {@code sensitive} parameters redacted. */
  static String redactUrl(String url, String[] sensitive) {
    if (url == null) {
      return null;
    }
    Redaction redaction = null;
    int authorityStart = 0;
    int schemeEnd = url.indexOf("://");
    if (schemeEnd > 0) {
      authorityStart = schemeEnd + 3;
      int authorityEnd = endOfAuthority(url, authorityStart);
      int at = url.lastIndexOf('@', authorityEnd - 1);
      if (at >= authorityStart) {
        redaction = new Redaction(url);
        redaction.replace(authorityStart, at, CREDENTIALS);
      }
    }
    int fragment = url.indexOf('#', authorityStart);
    int query = url.indexOf('?', authorityStart);
    if (query >= 0 && (fragment < 0 || query < fragment)) {
      int queryEnd = fragment < 0 ? url.length() : fragment;
      redaction = redactParameters(url, query + 1, queryEnd, sensitive, redaction);
    }
    return redaction == null ? url : redaction.finish();
  }

  /**
   * A query string (without {@code ?}) with the values of {@code sensitive} parameters redacted.
   */
  static String redactQuery(String query, String[] sensitive) {
    if (query == null) {
      return null;
    }
    Redaction redaction = redactParameters(query, 0, query.length(), sensitive, null);
    return redaction == null ? query : redaction.finish();
  }

  private static Redaction redactParameters(
      String text, int start, int end, String[] sensitive, Redaction redaction) {
    if (sensitive.length == 0) {
      return redaction;
    }
    int position = start;
    while (position < end) {
      int amp = text.indexOf('&', position);
      if (amp < 0 || amp > end) {
        amp = end;
      }
      int eq = text.indexOf('=', position);
      if (eq >= 0 && eq + 1 < amp && isSensitive(text, position, eq, sensitive)) {
        if (redaction == null) {
          redaction = new Redaction(text);
        }
        redaction.replace(eq + 1, amp, REDACTED);
      }
      position = amp + 1;
    }
    return redaction;
  }

  private static boolean isSensitive(String text, int nameStart, int nameEnd, String[] sensitive) {
    int length = nameEnd - nameStart;
    for (String name : sensitive) {
      if (name.length() == length && text.regionMatches(nameStart, name, 0, length)) {
        return true;
      }
    }
    return false;
  }

  private static int endOfAuthority(String url, int start) {
    for (int i = start; i < url.length(); i++) {
      char c = url.charAt(i);
      if (c == '/' || c == '?' || c == '#') {
        return i;
      }
    }
    return url.length();
  }

  /** Copies the text with ranges replaced; created only once something must change. */
  private static final class Redaction {
    private final String text;
    private final StringBuilder out;
    private int copied;

    Redaction(String text) {
      this.text = text;
      this.out = new StringBuilder(text.length() + 16);
    }

    /** Replaces {@code [from, to)}; ranges come in increasing order. */
    void replace(int from, int to, String replacement) {
      out.append(text, copied, from).append(replacement);
      copied = to;
    }

    String finish() {
      return out.append(text, copied, text.length()).toString();
    }
  }
}
