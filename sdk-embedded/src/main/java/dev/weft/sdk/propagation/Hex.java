package dev.weft.sdk.propagation;

/**
 * Lower-case hex as the trace formats carry it: checked and parsed straight into longs, no strings
 * or arrays in between.
 */
final class Hex {

  private static final char[] DIGITS = "0123456789abcdef".toCharArray();

  private Hex() {}

  /** True when {@code s[from, to)} is non-empty and only {@code 0-9a-f}. */
  static boolean isLowerHex(String s, int from, int to) {
    if (from >= to) {
      return false;
    }
    for (int i = from; i < to; i++) {
      if (!isLowerHex(s.charAt(i))) {
        return false;
      }
    }
    return true;
  }

  static boolean isLowerHex(char c) {
    return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f');
  }

  /**
   * The value of {@code s[from, to)}, at most 16 digits already checked by {@link
   * #isLowerHex(String, int, int)}.
   */
  static long parse(String s, int from, int to) {
    long value = 0;
    for (int i = from; i < to; i++) {
      char c = s.charAt(i);
      value = (value << 4) | (c <= '9' ? c - '0' : c - 'a' + 10);
    }
    return value;
  }

  /** The high 64 bits of a checked trace id of up to 32 digits in {@code s[from, to)}. */
  static long traceIdHigh(String s, int from, int to) {
    return to - from > 16 ? parse(s, from, to - 16) : 0;
  }

  /** The low 64 bits of a checked trace id of up to 32 digits in {@code s[from, to)}. */
  static long traceIdLow(String s, int from, int to) {
    return parse(s, Math.max(from, to - 16), to);
  }

  /** Two lower-case hex digits for {@code value}'s low byte, at {@code offset}. */
  static void writeByte(int value, char[] out, int offset) {
    out[offset] = DIGITS[(value >> 4) & 0xF];
    out[offset + 1] = DIGITS[value & 0xF];
  }
}
