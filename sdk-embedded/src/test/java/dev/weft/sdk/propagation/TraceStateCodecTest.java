package dev.weft.sdk.propagation;

import static org.assertj.core.api.Assertions.assertThat;

import dev.weft.core.api.trace.TraceState;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class TraceStateCodecTest {

  private static final String A256 = "a".repeat(256);

  @ParameterizedTest
  @ValueSource(
      strings = {
        "a",
        "z",
        "a0",
        "abc_-*/xyz",
        "a*/", // simple keys may end in any key character
        "vendor@tenant",
        "0tenant@system", // a tenant id may start with a digit
        "t@s",
        "t@s0123456789012", // system id: 14 characters
        "t@a_-*/",
      })
  void validKeys(String key) {
    assertThat(TraceStateCodec.isValidKey(key, 0, key.length())).isTrue();
    assertThat(TraceStateCodec.isValidKey(A256, 0, 256)).isTrue();
    String tenant241 = "t".repeat(241) + "@s";
    assertThat(TraceStateCodec.isValidKey(tenant241, 0, tenant241.length())).isTrue();
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "",
        "A",
        "aB",
        "1a", // simple keys start with a letter (level 1; level 2 allows a digit)
        "_a",
        "a b",
        "a.b",
        "a=b",
        "a,b",
        "@s",
        "t@",
        "t@1s", // a system id starts with a letter
        "t@s01234567890123", // system id: 15 characters
        "a@b@c",
        "t@S",
        "é",
      })
  void invalidKeys(String key) {
    assertThat(TraceStateCodec.isValidKey(key, 0, key.length())).isFalse();
  }

  @Test
  void keyLengthLimits() {
    String a257 = "a".repeat(257);
    assertThat(TraceStateCodec.isValidKey(a257, 0, 257)).isFalse();
    String tenant242 = "t".repeat(242) + "@s";
    assertThat(TraceStateCodec.isValidKey(tenant242, 0, tenant242.length())).isFalse();
  }

  @ParameterizedTest
  @ValueSource(strings = {"1", " leading-space", "!\"#$%&'()*+-./:;<>?@[\\]^_`{|}~", "a b"})
  void validValues(String value) {
    assertThat(TraceStateCodec.isValidValue(value, 0, value.length())).isTrue();
    assertThat(TraceStateCodec.isValidValue(A256, 0, 256)).isTrue();
  }

  @ParameterizedTest
  @ValueSource(strings = {"", "trailing ", "a,b", "a=b", "tab\there", "new\nline", "é", "\u007f"})
  void invalidValues(String value) {
    assertThat(TraceStateCodec.isValidValue(value, 0, value.length())).isFalse();
    String a257 = "a".repeat(257);
    assertThat(TraceStateCodec.isValidValue(a257, 0, 257)).isFalse();
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "a=1|a=1",
        "a=1,b=2|a=1,b=2",
        "a=1 , b=2|a=1,b=2",
        "'a=1\t,\tb=2'|a=1,b=2",
        "a=1,,b=2|a=1,b=2", // empty members are allowed (3.3.1.1)
        "',a=1, ,b=2,'|a=1,b=2",
        "a= x|a= x", // leading spaces belong to the value
        "'a=x   '|a=x", // trailing spaces are optional white space
        "t@s=1,a=b|t@s=1,a=b",
      })
  void parsesLists(String header, String expected) {
    assertThat(TraceStateCodec.parse(header).toHeader()).isEqualTo(expected);
  }

  @ParameterizedTest
  @ValueSource(strings = {"", " ", ",", " , ,\t"})
  void emptyHeadersGiveEmptyState(String header) {
    assertThat(TraceStateCodec.parse(header)).isSameAs(TraceState.empty());
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "a",
        "a=",
        "=1",
        "a=1,b",
        "a =1",
        "A=1",
        "a=1,a=2", // only one entry per key (3.3.1.4)
        "a=1,b=2,a=3",
        "a=b=c",
        "a=1;b=2",
        "a=\u00e9",
      })
  void anyInvalidMemberInvalidatesTheHeader(String header) {
    assertThat(TraceStateCodec.parse(header)).isNull();
  }

  @Test
  void atMost32Members() {
    assertThat(TraceStateCodec.parse(members(32)).size()).isEqualTo(32);
    assertThat(TraceStateCodec.parse(members(33))).isNull();
    assertThat(TraceStateCodec.parse(members(32) + ",,, ,").size()).isEqualTo(32);
  }

  @Test
  void rejectsHeadersOverTheHardLimitUnread() {
    String padded = "a=1" + " ".repeat(TraceStateCodec.MAX_HEADER_LENGTH);
    assertThat(TraceStateCodec.parse(padded)).isNull();
    String maximal = members(32, A256.substring(1), A256);
    assertThat(maximal.length()).isLessThan(TraceStateCodec.MAX_HEADER_LENGTH);
    assertThat(TraceStateCodec.parse(maximal).size()).isEqualTo(32);
  }

  @Test
  void shortStatesAreSentWhole() {
    TraceState state = TraceStateCodec.parse(members(32)); // k0=v0,...: well under 512
    assertThat(TraceStateCodec.toHeader(state)).isEqualTo(members(32));
    assertThat(TraceStateCodec.toHeader(TraceState.empty())).isEmpty();
  }

  @Test
  void exactly512CharactersAreSentWhole() {
    // 4 members of 127 characters (k + digit + '=' + 124) and 3 commas: 511; add one to reach 512.
    String header = members(4, "k", "v".repeat(124)) + "x";
    assertThat(header).hasSize(512);
    TraceState state = TraceStateCodec.parse(header);
    assertThat(TraceStateCodec.toHeader(state)).isEqualTo(header);
  }

  @Test
  void truncationDropsLargeMembersFirstThenFromTheEnd() {
    List<String> entries = new ArrayList<>();
    entries.add("big");
    entries.add("x".repeat(200)); // a 204-character member
    for (int i = 0; i < 10; i++) {
      entries.add("k" + i);
      entries.add("v".repeat(60)); // 63-character members
    }
    String header = TraceStateCodec.toHeader(TraceState.ofValidated(entries));
    // Without "big": 10 x 63 + 9 = 639 > 512, so members are dropped from the end: 8 x 63 + 7.
    assertThat(header).hasSize(511).startsWith("k0=").doesNotContain("big", "k8=", "k9=");
    assertThat(header.split(",", -1)).hasSize(8);
  }

  @Test
  void largeMembersAreKeptWhenTheStateFits() {
    TraceState state = TraceState.ofValidated(List.of("big", "x".repeat(250), "a", "1"));
    assertThat(TraceStateCodec.toHeader(state)).isEqualTo("big=" + "x".repeat(250) + ",a=1");
  }

  private static String members(int count) {
    StringBuilder out = new StringBuilder();
    for (int i = 0; i < count; i++) {
      out.append(i == 0 ? "" : ",").append('k').append(i).append("=v").append(i);
    }
    return out.toString();
  }

  /** {@code count} members {@code <keyPrefix><i>=<value>}, keys made unique by the index. */
  private static String members(int count, String keyPrefix, String value) {
    StringBuilder out = new StringBuilder();
    for (int i = 0; i < count; i++) {
      String key = (keyPrefix + i);
      key = key.length() > 256 ? key.substring(key.length() - 256) : key;
      out.append(i == 0 ? "" : ",").append(key).append('=').append(value);
    }
    return out.toString();
  }
}
