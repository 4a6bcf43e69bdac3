package dev.weft.sdk.propagation;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class HexTest {

  @Test
  void writeLongMatchesTheJdkForEdgesAndRandomValues() {
    long[] edges = {
      0, 1, -1, Long.MIN_VALUE, Long.MAX_VALUE, 0x0123456789abcdefL, 0xfedcba9876543210L
    };
    for (long value : edges) {
      assertWritten(value);
    }
    SplittableRandom random = new SplittableRandom(42);
    for (int i = 0; i < 100_000; i++) {
      assertWritten(random.nextLong());
    }
  }

  @Test
  void writeLongTouchesOnlyItsSixteenBytes() {
    byte[] out = "xx................xx".getBytes(StandardCharsets.ISO_8859_1);
    Hex.writeLong(0xa0b1c2d3e4f50617L, out, 2);
    assertThat(new String(out, StandardCharsets.ISO_8859_1)).isEqualTo("xxa0b1c2d3e4f50617xx");
  }

  @Test
  void digitAcceptsOnlyLowerCaseHex() {
    for (char c = 0; c < 512; c++) {
      int expected = Character.digit(c, 16);
      boolean lowerHex = (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f');
      assertThat(Hex.digit(c)).as("char %d", (int) c).isEqualTo(lowerHex ? expected : -1);
    }
    assertThat(Hex.digit('\uff10')).isEqualTo(-1); // full-width digit zero
  }

  private static void assertWritten(long value) {
    byte[] out = new byte[16];
    Hex.writeLong(value, out, 0);
    String expected = String.format("%016x", value);
    assertThat(new String(out, StandardCharsets.ISO_8859_1)).isEqualTo(expected);
  }
}
