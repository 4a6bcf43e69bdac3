package dev.weft.sdk.propagation;

import java.nio.charset.StandardCharsets;

/** Percent-encoding (RFC 3986, 2.1) of UTF-8 values, as W3C baggage and Jaeger baggage use it. */
final class PercentCodec {

  private static final char[] UPPER_HEX = "0123456789ABCDEF".toCharArray();
  // Sent as they are; everything else is percent-encoded. W3C baggage requires encoding outside
  // baggage-octet and of '%', and allows it for the rest: this set keeps '+', '/', '=' and '?' away
  // from URL-style decoders and is the official SDK's, so the two send identical headers.
  private static final boolean[] PLAIN = plainChars("!$&'()*-.:@_~");

  private PercentCodec() {}

  /**
   * {@code s[from, to)} with {@code %XX} sequences decoded as UTF-8 (malformed UTF-8 becomes
   * U+FFFD, as the W3C baggage spec requires); with {@code plusIsSpace}, {@code +} decodes to a
   * space (form encoding, as Jaeger clients write). Null when a {@code %} is not followed by two
   * hex digits.
   */
  static String decode(String s, int from, int to, boolean plusIsSpace) {
    if (!needsDecoding(s, from, to, plusIsSpace)) {
      return s.substring(from, to);
    }
    byte[] bytes = new byte[to - from];
    int count = 0;
    for (int i = from; i < to; i++) {
      char c = s.charAt(i);
      if (c == '%') {
        int high = i + 2 < to ? hexValue(s.charAt(i + 1)) : -1;
        int low = high < 0 ? -1 : hexValue(s.charAt(i + 2));
        if (low < 0) {
          return null;
        }
        bytes[count++] = (byte) ((high << 4) | low);
        i += 2;
      } else if (c > 0x7F) {
        return null; // only ASCII may appear unencoded
      } else {
        bytes[count++] = (byte) (plusIsSpace && c == '+' ? ' ' : c);
      }
    }
    return new String(bytes, 0, count, StandardCharsets.UTF_8);
  }

  /** Appends {@code value} percent-encoded (UTF-8, upper-case hex) to {@code out}. */
  static void encode(String value, StringBuilder out) {
    if (isPlain(value)) {
      out.append(value);
      return;
    }
    for (byte b : value.getBytes(StandardCharsets.UTF_8)) {
      int c = b & 0xFF;
      if (c < 0x80 && PLAIN[c]) {
        out.append((char) c);
      } else {
        out.append('%').append(UPPER_HEX[c >> 4]).append(UPPER_HEX[c & 0xF]);
      }
    }
  }

  private static boolean isPlain(String value) {
    for (int i = 0; i < value.length(); i++) {
      char c = value.charAt(i);
      if (c >= 0x80 || !PLAIN[c]) {
        return false;
      }
    }
    return true;
  }

  private static boolean needsDecoding(String s, int from, int to, boolean plusIsSpace) {
    for (int i = from; i < to; i++) {
      char c = s.charAt(i);
      if (c == '%' || c > 0x7F || (plusIsSpace && c == '+')) {
        return true;
      }
    }
    return false;
  }

  private static int hexValue(char c) {
    if (c >= '0' && c <= '9') {
      return c - '0';
    }
    if (c >= 'a' && c <= 'f') {
      return c - 'a' + 10;
    }
    return c >= 'A' && c <= 'F' ? c - 'A' + 10 : -1;
  }

  private static boolean[] plainChars(String punctuation) {
    boolean[] plain = new boolean[128];
    for (char c = '0'; c <= '9'; c++) {
      plain[c] = true;
    }
    for (char c = 'a'; c <= 'z'; c++) {
      plain[c] = true;
      plain[c - 'a' + 'A'] = true;
    }
    for (int i = 0; i < punctuation.length(); i++) {
      plain[punctuation.charAt(i)] = true;
    }
    return plain;
  }
}
