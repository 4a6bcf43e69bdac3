package dev.weft.sdk.propagation;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import java.util.Arrays;

/**
 * Lower-case hex as the trace formats carry it: checked and parsed straight into longs, no strings
 * or arrays in between.
 */
final class Hex {

  private static final char[] DIGITS = "0123456789abcdef".toCharArray();
  // The value of each ASCII character as a lower-case hex digit, -1 where it is none.
  private static final byte[] VALUES = new byte[128];

  static {
    Arrays.fill(VALUES, (byte) -1);
    for (int i = 0; i < 16; i++) {
      VALUES[DIGITS[i]] = (byte) i;
    }
  }

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
   * The value of {@code c} as a lower-case hex digit, or -1. Parsers OR the results together to
   * check a whole field in the same pass that computes it: any -1 makes the OR negative.
   */
  static int digit(char c) {
    return c < 128 ? VALUES[c] : -1;
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

  // Eight bytes at a time, most significant first, whatever the platform's byte order.
  private static final VarHandle LONGS =
      MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.BIG_ENDIAN);

  /** Writes {@code value} as 16 lower-case ASCII hex digits at {@code offset}. */
  static void writeLong(long value, byte[] out, int offset) {
    LONGS.set(out, offset, asciiHex((int) (value >>> 32)));
    LONGS.set(out, offset + 8, asciiHex((int) value));
  }

  /**
   * The eight hex digits of {@code value} as ASCII bytes in a long, first digit in the most
   * significant byte: the nibbles are spread one per byte, then each byte becomes {@code '0' + n},
   * plus 39 more ({@code 'a' - '0' - 10}) where {@code n > 9} — no table, no branch.
   */
  private static long asciiHex(int value) {
    long x = value & 0xFFFFFFFFL;
    x = (x | (x << 16)) & 0x0000FFFF0000FFFFL;
    x = (x | (x << 8)) & 0x00FF00FF00FF00FFL;
    x = ((x << 4) | x) & 0x0F0F0F0F0F0F0F0FL;
    // Each byte now holds one nibble; (n + 6) has bit 4 set exactly when n > 9.
    long letters = ((x + 0x0606060606060606L) >>> 4) & 0x0101010101010101L;
    return x + 0x3030303030303030L + letters * 39;
  }
}
