package dev.weft.core.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class ConfigPropertiesGettersTest {

  private static final String KEY = "otel.test.value";

  private final TestConfig holder = TestConfig.empty();

  @ParameterizedTest
  @CsvSource({"true, true", "TRUE, true", "True, true", "false, false", "FaLsE, false"})
  void booleanAcceptsTrueAndFalseInAnyCase(String value, boolean expected) {
    assertThat(config(value).getBoolean(KEY, !expected)).isEqualTo(expected);
    assertThat(holder.warnings).isEmpty();
  }

  @ParameterizedTest
  @ValueSource(strings = {"yes", "1", "on", "truee"})
  void booleanWarnsOnAnythingElse(String value) {
    assertThat(config(value).getBoolean(KEY, true)).isTrue();
    assertWarned(value, "expected true or false; using 'true'");
  }

  @Test
  void booleanDefaultWhenUnset() {
    assertThat(TestConfig.empty().build().getBoolean(KEY, true)).isTrue();
    assertThat(TestConfig.empty().build().getBoolean(KEY, false)).isFalse();
  }

  @ParameterizedTest
  @CsvSource({"0, 0", "42, 42", "-7, -7", "+5, 5", "2147483647, 2147483647"})
  void intParses(String value, int expected) {
    assertThat(config(value).getInt(KEY, 1)).isEqualTo(expected);
    assertThat(holder.warnings).isEmpty();
  }

  @ParameterizedTest
  @ValueSource(strings = {"abc", "1.5", "2147483648", "10ms", "0x10"})
  void intWarnsOnMalformed(String value) {
    assertThat(config(value).getInt(KEY, 7)).isEqualTo(7);
    assertWarned(value, "expected an integer; using '7'");
  }

  @Test
  void longParsesBeyondIntRange() {
    assertThat(config("9000000000").getLong(KEY, 1L)).isEqualTo(9_000_000_000L);
    assertThat(holder.warnings).isEmpty();
  }

  @Test
  void longWarnsOnMalformed() {
    assertThat(config("12x").getLong(KEY, 3L)).isEqualTo(3L);
    assertWarned("12x", "expected an integer; using '3'");
  }

  @ParameterizedTest
  @CsvSource({"0.25, 0.25", "1, 1.0", "-2.5, -2.5", "1e-3, 0.001"})
  void doubleParses(String value, double expected) {
    assertThat(config(value).getDouble(KEY, 9.0)).isEqualTo(expected);
    assertThat(holder.warnings).isEmpty();
  }

  @ParameterizedTest
  @ValueSource(strings = {"half", "NaN", "Infinity", "-Infinity", "0,5"})
  void doubleWarnsOnMalformedOrNonFinite(String value) {
    assertThat(config(value).getDouble(KEY, 0.5)).isEqualTo(0.5);
    assertWarned(value, "expected a number; using '0.5'");
  }

  @ParameterizedTest
  @CsvSource({
    "1500, 1500",
    "0, 0",
    "250ms, 250",
    "3s, 3000",
    "2m, 120000",
    "1h, 3600000",
    "1d, 86400000",
    "10 s, 10000",
    "5S, 5000",
    "' 7ms ', 7"
  })
  void durationWithEachUnit(String value, long expectedMillis) {
    assertThat(config(value).getDuration(KEY, Duration.ofSeconds(99)))
        .isEqualTo(Duration.ofMillis(expectedMillis));
    assertThat(holder.warnings).isEmpty();
  }

  @ParameterizedTest
  @ValueSource(strings = {"-5", "-5s", "1.5s", "10x", "s", "ms", "5 ms s", "abc", "1e3", "5sec"})
  void durationWarnsOnNegativeOrMalformed(String value) {
    assertThat(config(value).getDuration(KEY, Duration.ofSeconds(10)))
        .isEqualTo(Duration.ofSeconds(10));
    assertWarned(
        value,
        "expected a non-negative duration in milliseconds or with a unit ms, s, m, h or d;"
            + " using '10000ms'");
  }

  @Test
  void durationOverflowWarns() {
    assertThat(config("99999999999999999999").getDuration(KEY, Duration.ZERO)).isZero();
    assertThat(TestConfig.of(holder, KEY + ".d", "9999999999999999d").getDuration(KEY + ".d", null))
        .isNull();
    assertThat(holder.warnings).hasSize(2);
  }

  @Test
  void listIsSplitTrimmedAndDropsEmpties() {
    assertThat(config(" a, b ,,c , ").getList(KEY)).containsExactly("a", "b", "c");
  }

  @Test
  void listIsEmptyNotNullWhenUnset() {
    assertThat(TestConfig.empty().build().getList(KEY)).isNotNull().isEmpty();
    assertThat(config(" , ,").getList(KEY)).isEmpty();
  }

  @Test
  void mapIsSplitTrimmedAndPercentDecoded() {
    ConfigProperties config =
        config(" a = 1 , Authorization=Basic%20dXNlcjpwYXNz%3D%3D,empty=,e=x=y,plus=a+b%2Bc ");
    assertThat(config.getMap(KEY))
        .containsExactly(
            Map.entry("a", "1"),
            Map.entry("Authorization", "Basic dXNlcjpwYXNz=="),
            Map.entry("empty", ""),
            Map.entry("e", "x=y"),
            Map.entry("plus", "a+b+c"));
    assertThat(holder.warnings).isEmpty();
  }

  @Test
  void mapDecodesMultiByteUtf8AndKeepsBrokenEscapesLiterally() {
    assertThat(config("city=M%C3%BCnchen,pct=50%,bad=%zz%4").getMap(KEY))
        .containsExactly(
            Map.entry("city", "München"), Map.entry("pct", "50%"), Map.entry("bad", "%zz%4"));
  }

  @Test
  void mapSkipsMalformedEntriesWithOneWarningNamingThem() {
    ConfigProperties config = config("a=1,oops,=2,b=3");
    assertThat(config.getMap(KEY)).containsExactly(Map.entry("a", "1"), Map.entry("b", "3"));
    assertThat(config.getMap(KEY)).hasSize(2);
    assertThat(holder.warnings)
        .containsExactly(
            "Invalid entries 'oops', '=2' in otel.test.value (OTEL_TEST_VALUE):"
                + " expected key=value; skipping them");
  }

  @Test
  void mapWarningNeverEchoesCredentials() {
    ConfigProperties config =
        TestConfig.of(holder, "otel.exporter.otlp.headers", "a=1,Authorization: Bearer s3cr3t");
    assertThat(config.getMap("otel.exporter.otlp.headers")).containsOnlyKeys("a");
    assertThat(holder.warnings)
        .containsExactly(
            "Invalid entry #2 (value hidden) in otel.exporter.otlp.headers"
                + " (OTEL_EXPORTER_OTLP_HEADERS): expected key=value; skipping it");
  }

  @Test
  void mapIsEmptyWhenUnset() {
    assertThat(TestConfig.empty().build().getMap(KEY)).isNotNull().isEmpty();
  }

  @Test
  void oneOfMatchesCaseInsensitivelyAndReturnsLowerCase() {
    ConfigProperties config = config("HTTP/Protobuf");
    assertThat(config.getOneOf(KEY, "grpc", List.of("grpc", "http/protobuf")))
        .isEqualTo("http/protobuf");
    assertThat(holder.warnings).isEmpty();
  }

  @Test
  void oneOfWarnsOnUnknown() {
    ConfigProperties config = TestConfig.of(holder, "otel.traces.sampler", "sometimes");
    assertThat(
            config.getOneOf("otel.traces.sampler", "parentbased_always_on", AgentSettings.SAMPLERS))
        .isEqualTo("parentbased_always_on");
    assertThat(holder.warnings)
        .containsExactly(
            "Invalid value 'sometimes' for otel.traces.sampler (OTEL_TRACES_SAMPLER): expected one"
                + " of always_on, always_off, traceidratio, parentbased_always_on,"
                + " parentbased_always_off, parentbased_traceidratio, jaeger_remote,"
                + " parentbased_jaeger_remote; using 'parentbased_always_on'");
  }

  @Test
  void oneOfWithNullDefaultSaysNoValue() {
    assertThat(config("x").getOneOf(KEY, null, List.of("a"))).isNull();
    assertWarned("x", "expected one of a; using no value");
  }

  @Test
  void listOfKeepsKnownMembersInOrderLowerCasedAndDeduplicated() {
    ConfigProperties config = config("B3, tracecontext,b3 ,baggage");
    assertThat(config.getListOf(KEY, List.of("none"), AgentSettings.PROPAGATORS))
        .containsExactly("b3", "tracecontext", "baggage");
    assertThat(holder.warnings).isEmpty();
  }

  @Test
  void listOfDropsUnknownMembersWithOneWarning() {
    ConfigProperties config = config("tracecontext,foo,baggage,bar");
    assertThat(config.getListOf(KEY, List.of("b3"), List.of("tracecontext", "baggage", "b3")))
        .containsExactly("tracecontext", "baggage");
    assertWarned(
        "tracecontext,foo,baggage,bar",
        "unknown 'foo', 'bar', expected any of tracecontext, baggage, b3;"
            + " using 'tracecontext,baggage'");
  }

  @Test
  void listOfFallsBackToDefaultWhenNothingValidRemains() {
    ConfigProperties config = config("foo");
    assertThat(config.getListOf(KEY, List.of("otlp"), List.of("otlp", "none")))
        .containsExactly("otlp");
    assertWarned("foo", "unknown 'foo', expected any of otlp, none; using 'otlp'");
  }

  @Test
  void listOfDefaultWhenUnset() {
    assertThat(TestConfig.empty().build().getListOf(KEY, List.of("x"), List.of("x", "y")))
        .containsExactly("x");
  }

  @Test
  void invalidKeyIsWarnedAboutOnlyOnceEvenWhenReadRepeatedly() {
    ConfigProperties config = config("nope");
    for (int i = 0; i < 5; i++) {
      config.getBoolean(KEY, false);
      config.getInt(KEY, 1);
      config.getDuration(KEY, Duration.ZERO);
    }
    assertThat(holder.warnings).hasSize(1);
  }

  @Test
  void eachInvalidKeyGetsItsOwnWarning() {
    ConfigProperties config = TestConfig.of(holder, "otel.a", "x", "otel.b", "y");
    config.getInt("otel.a", 1);
    config.getInt("otel.b", 1);
    config.getInt("otel.a", 1);
    assertThat(holder.warnings).hasSize(2);
  }

  @Test
  void warnOnceHoldsUnderConcurrentReads() throws Exception {
    ConfigProperties config = config("nope");
    Thread[] threads = new Thread[8];
    for (int i = 0; i < threads.length; i++) {
      threads[i] = new Thread(() -> config.getInt(KEY, 0));
      threads[i].start();
    }
    for (Thread thread : threads) {
      thread.join();
    }
    assertThat(holder.warnings).hasSize(1);
  }

  @Test
  void warningNamesTheValueFromWhicheverLevelItCame() {
    TestConfig envHolder = TestConfig.empty().env("OTEL_TEST_VALUE", "many");
    assertThat(envHolder.build().getInt(KEY, 3)).isEqualTo(3);
    assertThat(envHolder.warnings)
        .containsExactly(
            "Invalid value 'many' for otel.test.value (OTEL_TEST_VALUE): expected an integer;"
                + " using '3'");
  }

  @Test
  void sensitiveValuesAreMaskedInWarnings() {
    ConfigProperties config = TestConfig.of(holder, "otel.my.password.length", "hunter2");
    config.getInt("otel.my.password.length", 8);
    assertThat(holder.warnings)
        .singleElement()
        .asString()
        .doesNotContain("hunter2")
        .contains("***");
  }

  private ConfigProperties config(String value) {
    return TestConfig.of(holder, KEY, value);
  }

  private void assertWarned(String value, String tail) {
    assertThat(holder.warnings)
        .containsExactly(
            "Invalid value '" + value.trim() + "' for otel.test.value (OTEL_TEST_VALUE): " + tail);
  }
}
