package dev.weft.sdk.propagation;

import static dev.weft.sdk.propagation.Carriers.SPAN_ID;
import static dev.weft.sdk.propagation.Carriers.TRACE_ID;
import static org.assertj.core.api.Assertions.assertThat;

import io.opentelemetry.extension.trace.propagation.B3Propagator;
import java.util.HashMap;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Weft's B3 propagators against the official ones (opentelemetry-extension-trace-propagators), in
 * both injection modes: same span context extracted, same headers injected (names compared
 * case-sensitively, as message headers are), except where the official propagator departs from the
 * B3 spec (the tests after the first).
 */
class B3CrossCheckTest {

  private static final String IDS = TRACE_ID + "-" + SPAN_ID;
  private static final String SHORT = "a3ce929d0e0e4736";

  static Stream<Arguments> agreed() {
    return Stream.of(
        single(IDS + "-1"),
        single(IDS + "-0"),
        single(IDS + "-d"),
        single(IDS),
        single(IDS + "-1-0000000000000001"),
        single(IDS + "-0-" + SPAN_ID),
        single(SHORT + "-" + SPAN_ID + "-1"),
        single(""),
        single("0"),
        single("1"),
        single("d"),
        single(TRACE_ID.toUpperCase() + "-" + SPAN_ID + "-1"),
        single(TRACE_ID + "-" + SPAN_ID.toUpperCase() + "-1"),
        single("ce929d0e0e4736-" + SPAN_ID + "-1"),
        single(TRACE_ID + "0-" + SPAN_ID + "-1"),
        single("00000000000000000000000000000000-" + SPAN_ID + "-1"),
        single(TRACE_ID + "-0000000000000000-1"),
        single(TRACE_ID + "-00f067aa0ba902b-1"),
        single("-" + SPAN_ID + "-1"),
        single(IDS + "x"),
        multi(TRACE_ID, SPAN_ID, "1", null),
        multi(TRACE_ID, SPAN_ID, "0", null),
        multi(TRACE_ID, SPAN_ID, "true", null),
        multi(TRACE_ID, SPAN_ID, "false", null),
        multi(TRACE_ID, SPAN_ID, null, null),
        multi(TRACE_ID, SPAN_ID, null, "1"),
        multi(TRACE_ID, SPAN_ID, "0", "1"),
        multi(TRACE_ID, SPAN_ID, "1", "1"),
        multi(SHORT, SPAN_ID, "1", null),
        multi(TRACE_ID, null, "1", null),
        multi(null, SPAN_ID, "1", null),
        multi("ce929d0e0e4736", SPAN_ID, "1", null),
        multi(TRACE_ID, "00f067aa0ba902b", "1", null),
        multi(TRACE_ID.toUpperCase(), SPAN_ID, "1", null),
        multi("00000000000000000000000000000000", SPAN_ID, "1", null),
        multi(TRACE_ID, "0000000000000000", "1", null),
        // The single header wins over the multi headers.
        Arguments.of(
            Carriers.headers(
                "b3",
                IDS + "-0",
                "X-B3-TraceId",
                SHORT,
                "X-B3-SpanId",
                SPAN_ID,
                "X-B3-Sampled",
                "1"),
            true));
  }

  @ParameterizedTest
  @MethodSource("agreed")
  void extractsAndInjectsLikeTheOfficialPropagator(
      Map<String, String> headers, boolean compareMultiInjection) {
    compare(
        dev.weft.sdk.propagation.B3Propagator.injectingSingleHeader(),
        B3Propagator.injectingSingleHeader(),
        headers);
    if (compareMultiInjection) {
      compare(
          dev.weft.sdk.propagation.B3Propagator.injectingMultiHeaders(),
          B3Propagator.injectingMultiHeaders(),
          headers);
    }
  }

  private static void compare(
      dev.weft.core.api.propagation.TextMapPropagator weft,
      io.opentelemetry.context.propagation.TextMapPropagator official,
      Map<String, String> headers) {
    dev.weft.bootstrap.context.Context weftContext = Carriers.extract(weft, headers);
    io.opentelemetry.context.Context officialContext = Official.extract(official, headers);
    assertThat(Carriers.describe(weftContext)).isEqualTo(Official.describe(officialContext));
    assertThat(new HashMap<>(Carriers.inject(weft, weftContext)))
        .isEqualTo(new HashMap<>(Official.inject(official, officialContext)));
  }

  @org.junit.jupiter.api.Test
  void interoperatesThroughCaseSensitiveCarriers() {
    Map<String, String> fromOfficial = new HashMap<>();
    B3Propagator.injectingMultiHeaders()
        .inject(Official.withParent(TRACE_ID, SPAN_ID, (byte) 1), fromOfficial, Map::put);
    dev.weft.core.api.propagation.TextMapPropagator weft =
        dev.weft.sdk.propagation.B3Propagator.injectingMultiHeaders();
    assertThat(
            Carriers.describe(
                weft.extract(
                    dev.weft.bootstrap.context.Context.root(), fromOfficial, Carriers.GETTER)))
        .isEqualTo(TRACE_ID + "/" + SPAN_ID + "/01");
    Map<String, String> fromWeft = new HashMap<>();
    weft.inject(
        Carriers.withParent((byte) 1, dev.weft.core.api.trace.TraceState.empty()),
        fromWeft,
        Carriers.SETTER);
    assertThat(fromWeft).isEqualTo(fromOfficial);
  }

  static Stream<Arguments> differences() {
    String ids = TRACE_ID + "/" + SPAN_ID;
    return Stream.of(
        // The single header's sampling state is 1, 0 or d, and a parent span id is 16 hex digits.
        // The official propagator reads anything else as "not sampled" ("true" as sampled) and
        // ignores a malformed parent; Weft ignores the malformed header.
        Arguments.of(Carriers.headers("b3", IDS + "-x"), "invalid", ids + "/00"),
        Arguments.of(Carriers.headers("b3", IDS + "-true"), "invalid", ids + "/01"),
        Arguments.of(Carriers.headers("b3", IDS + "-"), "invalid", ids + "/00"),
        Arguments.of(Carriers.headers("b3", IDS + "-1-"), "invalid", ids + "/01"),
        Arguments.of(Carriers.headers("b3", IDS + "-1-zz"), "invalid", ids + "/01"),
        // X-B3-Sampled is 1 or 0 (true/false tolerated); 'd' belongs to the single header.
        Arguments.of(multiHeaders(TRACE_ID, SPAN_ID, "d", null), "invalid", ids + "/00"),
        Arguments.of(multiHeaders(TRACE_ID, SPAN_ID, "yes", null), "invalid", ids + "/00"));
  }

  @ParameterizedTest
  @MethodSource("differences")
  void departsFromTheOfficialPropagatorWhereTheSpecSaysSo(
      Map<String, String> headers, String weftExtracts, String officialExtracts) {
    for (boolean singleInjection : new boolean[] {true, false}) {
      dev.weft.core.api.propagation.TextMapPropagator weft =
          singleInjection
              ? dev.weft.sdk.propagation.B3Propagator.injectingSingleHeader()
              : dev.weft.sdk.propagation.B3Propagator.injectingMultiHeaders();
      io.opentelemetry.context.propagation.TextMapPropagator official =
          singleInjection
              ? B3Propagator.injectingSingleHeader()
              : B3Propagator.injectingMultiHeaders();
      assertThat(Carriers.describe(Carriers.extract(weft, headers))).isEqualTo(weftExtracts);
      assertThat(Official.describe(Official.extract(official, headers)))
          .isEqualTo(officialExtracts);
    }
  }

  @org.junit.jupiter.api.Test
  void debugIsInjectedWithoutXB3Sampled() {
    // "Debug implies an accept decision, so don't also send the X-B3-Sampled header." The
    // official propagator sends both.
    Map<String, String> headers = Carriers.headers("b3", IDS + "-d");
    dev.weft.core.api.propagation.TextMapPropagator weft =
        dev.weft.sdk.propagation.B3Propagator.injectingMultiHeaders();
    io.opentelemetry.context.propagation.TextMapPropagator official =
        B3Propagator.injectingMultiHeaders();
    Map<String, String> expected =
        Carriers.headers("x-b3-traceid", TRACE_ID, "x-b3-spanid", SPAN_ID, "x-b3-flags", "1");
    assertThat(Carriers.inject(weft, Carriers.extract(weft, headers))).isEqualTo(expected);
    Map<String, String> officialOut =
        Official.inject(official, Official.extract(official, headers));
    expected.put("x-b3-sampled", "1");
    assertThat(officialOut).isEqualTo(expected);
  }

  /** A single header; debug extractions are compared with single-header injection only. */
  private static Arguments single(String header) {
    boolean debug = header.matches(".*-d(-.*)?");
    return Arguments.of(Carriers.headers("b3", header), !debug);
  }

  /** Multi headers; debug extractions are compared with single-header injection only. */
  private static Arguments multi(String traceId, String spanId, String sampled, String flags) {
    return Arguments.of(multiHeaders(traceId, spanId, sampled, flags), !"1".equals(flags));
  }

  private static Map<String, String> multiHeaders(
      String traceId, String spanId, String sampled, String flags) {
    return Carriers.headers(
        "X-B3-TraceId",
        traceId,
        "X-B3-SpanId",
        spanId,
        "X-B3-Sampled",
        sampled,
        "X-B3-Flags",
        flags);
  }
}
