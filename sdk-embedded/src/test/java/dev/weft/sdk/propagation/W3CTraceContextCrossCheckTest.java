package dev.weft.sdk.propagation;

import static dev.weft.sdk.propagation.Carriers.SPAN_ID;
import static dev.weft.sdk.propagation.Carriers.TRACE_ID;
import static org.assertj.core.api.Assertions.assertThat;

import dev.weft.core.api.trace.Span;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Weft's W3C trace context propagator against the official one (opentelemetry-api): same span
 * context and trace state extracted, same headers injected, except where the official propagator
 * departs from the spec (second test).
 */
class W3CTraceContextCrossCheckTest {

  private static final W3CTraceContextPropagator weft = W3CTraceContextPropagator.getInstance();
  private static final io.opentelemetry.context.propagation.TextMapPropagator official =
      io.opentelemetry.api.trace.propagation.W3CTraceContextPropagator.getInstance();
  private static final String IDS = TRACE_ID + "-" + SPAN_ID;
  private static final String V00 = "00-" + IDS + "-01";

  static Stream<Arguments> agreed() {
    return Stream.of(
        // traceparent
        Arguments.of(V00, null),
        Arguments.of("00-" + IDS + "-00", null),
        Arguments.of("00-" + IDS + "-02", null),
        Arguments.of("00-" + IDS + "-03", null),
        Arguments.of("01-" + IDS + "-01", null),
        Arguments.of("01-" + IDS + "-01-future", null),
        Arguments.of("fe-" + IDS + "-00-", null),
        Arguments.of("00-ffffffffffffffffffffffffffffffff-ffffffffffffffff-01", null),
        Arguments.of("00-00000000000000000000000000000001-0000000000000001-01", null),
        Arguments.of("", null),
        Arguments.of("00-" + IDS + "-0", null),
        Arguments.of("00-" + IDS + "-01-", null),
        Arguments.of("00-" + IDS + "-01-x", null),
        Arguments.of("ff-" + IDS + "-01", null),
        Arguments.of("0g-" + IDS + "-01", null),
        Arguments.of("01-" + IDS + "-01x", null),
        Arguments.of("00-00000000000000000000000000000000-" + SPAN_ID + "-01", null),
        Arguments.of("00-" + TRACE_ID + "-0000000000000000-01", null),
        Arguments.of("00-" + TRACE_ID.toUpperCase() + "-" + SPAN_ID + "-01", null),
        Arguments.of("00-" + TRACE_ID + "-" + SPAN_ID.toUpperCase() + "-01", null),
        Arguments.of("00-" + IDS + "-0A", null),
        Arguments.of("00-" + IDS + "-g0", null),
        Arguments.of("00_" + IDS + "-01", null),
        Arguments.of("00-" + TRACE_ID + "_" + SPAN_ID + "-01", null),
        Arguments.of("00-" + IDS + "_01", null),
        Arguments.of(" " + V00.substring(1), null),
        Arguments.of(V00 + "," + V00, null),
        // tracestate with a valid traceparent
        Arguments.of(V00, "rojo=00f067aa0ba902b7,congo=t61rcWkgMzE"),
        Arguments.of(V00, "a=1 , b=2\t,\tc=3"),
        Arguments.of(V00, "a=1,,b=2"),
        Arguments.of(V00, ",a=1,"),
        Arguments.of(V00, ""),
        Arguments.of(V00, " "),
        Arguments.of(V00, "a= leading"),
        Arguments.of(V00, "a=trailing   "),
        Arguments.of(V00, "a=!\"#$%&'()*+-./:;<>?@[\\]^_`{|}~"),
        Arguments.of(V00, "abc_-*/9=1"),
        Arguments.of(V00, "tenant@system=1"),
        Arguments.of(V00, "0tenant@sys=1"),
        Arguments.of(V00, "t@s0123456789012=1"),
        Arguments.of(V00, "a".repeat(256) + "=1"),
        Arguments.of(V00, "a=" + "v".repeat(256)),
        Arguments.of(V00, members(32)),
        Arguments.of(V00, members(33)),
        Arguments.of(V00, "a=1,b"),
        Arguments.of(V00, "a="),
        Arguments.of(V00, "=1"),
        Arguments.of(V00, "A=1"),
        Arguments.of(V00, "1a=1"),
        Arguments.of(V00, "a@b@c=1"),
        Arguments.of(V00, "t@=1"),
        Arguments.of(V00, "t@s01234567890123=1"),
        Arguments.of(V00, "a=1,a=2"),
        Arguments.of(V00, "a=b=c"),
        Arguments.of(V00, "a=x\ty"),
        Arguments.of(V00, "a=\u00e9"),
        Arguments.of(V00, "a".repeat(257) + "=1"),
        Arguments.of(V00, "a=" + "v".repeat(257)),
        // tracestate after an invalid traceparent is never read
        Arguments.of("00-" + IDS + "-0", "a=1"));
  }

  @ParameterizedTest
  @MethodSource("agreed")
  void extractsAndInjectsLikeTheOfficialPropagator(String traceparent, String tracestate) {
    Map<String, String> headers =
        Carriers.headers("traceparent", traceparent, "tracestate", tracestate);
    dev.weft.bootstrap.context.Context weftContext = Carriers.extract(weft, headers);
    io.opentelemetry.context.Context officialContext = Official.extract(official, headers);

    assertThat(Carriers.describe(weftContext)).isEqualTo(Official.describe(officialContext));
    assertThat(Span.fromContext(weftContext).spanContext().traceState().toHeader())
        .isEqualTo(Official.traceState(officialContext));
    assertThat(Carriers.inject(weft, weftContext))
        .isEqualTo(Official.inject(official, officialContext));
  }

  static Stream<Arguments> differences() {
    return Stream.of(
        // Reserved flag bits: the spec says "Vendors MUST set those to zero" (3.2.2.5); the
        // official
        // propagator forwards the received byte. Both extract the full byte.
        Arguments.of(V00.replace("-01", "-ff"), null, "00-" + IDS + "-03", null),
        Arguments.of(V00.replace("-01", "-09"), null, "00-" + IDS + "-01", null),
        Arguments.of("01-" + IDS + "-84-x", null, "00-" + IDS + "-00", null),
        // Level 1 tracestate keys: a multi-tenant system id starts with a letter
        // (system-id = lcalpha 0*13(...)). The official propagator accepts a digit there.
        Arguments.of(V00, "a@1=1,b=2", V00, null),
        Arguments.of(V00, "tenant@9vendor=1", V00, null),
        // Over 512 characters, the spec's truncation guidance applies on injection (3.3.1.5):
        // members over 128 characters go first, then members from the end. The official
        // propagator sends the whole list.
        Arguments.of(V00, "big=" + "x".repeat(200) + "," + padded(31), V00, paddedUpTo(512)));
  }

  /** Same extraction; Weft injects {@code weftTraceparent}/{@code weftTracestate}. */
  @ParameterizedTest
  @MethodSource("differences")
  void departsFromTheOfficialPropagatorWhereTheSpecSaysSo(
      String traceparent, String tracestate, String weftTraceparent, String weftTracestate) {
    Map<String, String> headers =
        Carriers.headers("traceparent", traceparent, "tracestate", tracestate);
    dev.weft.bootstrap.context.Context weftContext = Carriers.extract(weft, headers);
    io.opentelemetry.context.Context officialContext = Official.extract(official, headers);

    Map<String, String> weftOut = Carriers.inject(weft, weftContext);
    Map<String, String> officialOut = Official.inject(official, officialContext);
    assertThat(weftOut)
        .isEqualTo(Carriers.headers("traceparent", weftTraceparent, "tracestate", weftTracestate));
    assertThat(weftOut).isNotEqualTo(officialOut);
    if (weftTracestate == null && tracestate != null) {
      assertThat(Official.traceState(officialContext)).isNotEmpty();
    } else {
      assertThat(Carriers.describe(weftContext)).isEqualTo(Official.describe(officialContext));
    }
  }

  private static String members(int count) {
    StringBuilder out = new StringBuilder();
    for (int i = 0; i < count; i++) {
      out.append(i == 0 ? "" : ",").append("key").append(i).append("=value").append(i);
    }
    return out.toString();
  }

  /** {@code count} members of 24 characters or so. */
  private static String padded(int count) {
    StringBuilder out = new StringBuilder();
    for (int i = 0; i < count; i++) {
      out.append(i == 0 ? "" : ",").append("key").append(i).append('=').append("v".repeat(20));
    }
    return out.toString();
  }

  /** The longest prefix of {@code padded(31)} that fits in {@code limit} characters. */
  private static String paddedUpTo(int limit) {
    String all = padded(31);
    return all.substring(0, all.lastIndexOf(',', limit));
  }
}
