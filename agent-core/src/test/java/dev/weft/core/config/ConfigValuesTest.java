package dev.weft.core.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class ConfigValuesTest {

  @ParameterizedTest
  @CsvSource({
    "0, 0",
    "42, 42",
    "42ms, 42",
    "42MS, 42",
    "7s, 7000",
    "3m, 180000",
    "2h, 7200000",
    "1d, 86400000",
    "'  9 ms ', 9",
    "007s, 7000"
  })
  void parsesDurations(String text, long millis) {
    assertThat(ConfigValues.parseDuration(text)).isEqualTo(Duration.ofMillis(millis));
  }

  @ParameterizedTest
  @ValueSource(strings = {"", " ", "-1", "+1s", "1.5s", "1w", "ms", "1 2s", "9223372036854775808"})
  void rejectsMalformedDurations(String text) {
    assertThat(ConfigValues.parseDuration(text)).isNull();
  }

  @Test
  void percentDecoding() {
    assertThat(ConfigValues.percentDecode("plain")).isEqualTo("plain");
    assertThat(ConfigValues.percentDecode("a%20b%2Cc%3D")).isEqualTo("a b,c=");
    assertThat(ConfigValues.percentDecode("%e2%82%AC")).isEqualTo("€");
    assertThat(ConfigValues.percentDecode("a+b")).isEqualTo("a+b");
    assertThat(ConfigValues.percentDecode("100%")).isEqualTo("100%");
    assertThat(ConfigValues.percentDecode("%g1%2")).isEqualTo("%g1%2");
    assertThat(ConfigValues.percentDecode("ü%20\uD83D\uDE00")).isEqualTo("ü \uD83D\uDE00");
  }

  @Test
  void splitList() {
    assertThat(ConfigValues.splitList(null)).isEmpty();
    assertThat(ConfigValues.splitList(" a ,, b,")).containsExactly("a", "b");
  }

  @Test
  void formatsFallbacks() {
    assertThat(ConfigValues.quote(null)).isEqualTo("no value");
    assertThat(ConfigValues.quote(Duration.ofSeconds(2))).isEqualTo("'2000ms'");
    assertThat(ConfigValues.quote(List.of("a", "b"))).isEqualTo("'a,b'");
    assertThat(ConfigValues.quote(0.5)).isEqualTo("'0.5'");
  }
}
