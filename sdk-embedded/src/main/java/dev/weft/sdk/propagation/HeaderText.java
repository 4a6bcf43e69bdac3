package dev.weft.sdk.propagation;

/** Scanning helpers over a region {@code [from, to)} of a header value; nothing allocates. */
final class HeaderText {

  private HeaderText() {}

  /** Index of {@code c} in {@code s[from, to)}, or {@code to}. */
  static int indexOf(String s, char c, int from, int to) {
    for (int i = from; i < to; i++) {
      if (s.charAt(i) == c) {
        return i;
      }
    }
    return to;
  }

  /** The first index in {@code [from, to)} that is not OWS (SP / HTAB, RFC 9110 5.6.3), or to. */
  static int skipOws(String s, int from, int to) {
    while (from < to && isOws(s.charAt(from))) {
      from++;
    }
    return from;
  }

  /** The end of {@code s[from, to)} without trailing OWS. */
  static int trimOws(String s, int from, int to) {
    while (to > from && isOws(s.charAt(to - 1))) {
      to--;
    }
    return to;
  }

  private static boolean isOws(char c) {
    return c == ' ' || c == '\t';
  }
}
