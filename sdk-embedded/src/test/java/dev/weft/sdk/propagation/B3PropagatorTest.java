package dev.weft.sdk.propagation;

import static dev.weft.sdk.propagation.Carriers.SPAN_ID;
import static dev.weft.sdk.propagation.Carriers.TRACE_ID;
import static dev.weft.sdk.propagation.Carriers.describe;
import static dev.weft.sdk.propagation.Carriers.extract;
import static dev.weft.sdk.propagation.Carriers.headers;
import static dev.weft.sdk.propagation.Carriers.inject;
import static org.assertj.core.api.Assertions.assertThat;

import dev.weft.bootstrap.context.Context;
import dev.weft.core.api.trace.TraceState;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class B3PropagatorTest {

  private static final B3Propagator single = B3Propagator.injectingSingleHeader();
  private static final B3Propagator multi = B3Propagator.injectingMultiHeaders();
  private static final String IDS = TRACE_ID + "-" + SPAN_ID;
  private static final String SHORT_TRACE_ID = "a3ce929d0e0e4736";
  private static final String PADDED = "0000000000000000" + SHORT_TRACE_ID;

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        IDS + "-1|" + TRACE_ID + "/" + SPAN_ID + "/01",
        IDS + "-0|" + TRACE_ID + "/" + SPAN_ID + "/00",
        IDS + "-d|" + TRACE_ID + "/" + SPAN_ID + "/01", // debug means sampled
        IDS + "|" + TRACE_ID + "/" + SPAN_ID + "/00", // no decision: not sampled
        IDS + "-1-0000000000000001|" + TRACE_ID + "/" + SPAN_ID + "/01",
        SHORT_TRACE_ID + "-" + SPAN_ID + "-1|" + PADDED + "/" + SPAN_ID + "/01",
      })
  void extractsSingleHeader(String header, String expected) {
    assertThat(describe(extract(single, headers("b3", header)))).isEqualTo(expected);
    assertThat(describe(extract(multi, headers("b3", header)))).isEqualTo(expected);
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "",
        "0",
        "1",
        "d",
        IDS + "-",
        IDS + "-x",
        IDS + "-true", // "true" is tolerated in X-B3-Sampled only
        IDS + "-1-",
        IDS + "-1-zz",
        IDS + "-1-00f067aa0ba902b", // 15-digit parent
        IDS + "-1-" + SPAN_ID + "-",
        IDS + "-11",
        IDS + "x",
        "4BF92F3577B34DA6A3CE929D0E0E4736-" + SPAN_ID + "-1",
        TRACE_ID + "-00F067AA0BA902B7-1",
        "ce929d0e0e4736-" + SPAN_ID + "-1", // 14 digits
        TRACE_ID + "0-" + SPAN_ID + "-1", // 33 digits
        "00000000000000000000000000000000-" + SPAN_ID + "-1",
        TRACE_ID + "-0000000000000000-1",
        TRACE_ID + "-" + "00f067aa0ba902b-1",
        "-" + SPAN_ID + "-1",
      })
  void ignoresInvalidSingleHeader(String header) {
    assertThat(describe(extract(single, headers("b3", header)))).isEqualTo("invalid");
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      nullValues = "null",
      value = {
        TRACE_ID + "|" + SPAN_ID + "|1|null|" + TRACE_ID + "/" + SPAN_ID + "/01",
        TRACE_ID + "|" + SPAN_ID + "|0|null|" + TRACE_ID + "/" + SPAN_ID + "/00",
        TRACE_ID + "|" + SPAN_ID + "|true|null|" + TRACE_ID + "/" + SPAN_ID + "/01",
        TRACE_ID + "|" + SPAN_ID + "|false|null|" + TRACE_ID + "/" + SPAN_ID + "/00",
        TRACE_ID + "|" + SPAN_ID + "|null|null|" + TRACE_ID + "/" + SPAN_ID + "/00",
        TRACE_ID + "|" + SPAN_ID + "|null|1|" + TRACE_ID + "/" + SPAN_ID + "/01",
        TRACE_ID + "|" + SPAN_ID + "|0|1|" + TRACE_ID + "/" + SPAN_ID + "/01", // debug wins
        TRACE_ID + "|" + SPAN_ID + "|1|0|" + TRACE_ID + "/" + SPAN_ID + "/01",
        SHORT_TRACE_ID + "|" + SPAN_ID + "|1|null|" + PADDED + "/" + SPAN_ID + "/01",
        TRACE_ID + "|" + SPAN_ID + "|d|null|invalid", // 'd' belongs to the single header
        TRACE_ID + "|" + SPAN_ID + "|yes|null|invalid",
        TRACE_ID + "|" + SPAN_ID + "|1|2|invalid",
        TRACE_ID + "|null|1|null|invalid",
        "null|" + SPAN_ID + "|1|null|invalid",
        "ce929d0e0e4736|" + SPAN_ID + "|1|null|invalid",
        TRACE_ID + "|00f067aa0ba902b|1|null|invalid",
        "4BF92F3577B34DA6A3CE929D0E0E4736|" + SPAN_ID + "|1|null|invalid",
        "00000000000000000000000000000000|" + SPAN_ID + "|1|null|invalid",
        TRACE_ID + "|0000000000000000|1|null|invalid",
      })
  void extractsMultiHeaders(
      String traceId, String spanId, String sampled, String flags, String expected) {
    Map<String, String> headers =
        headers(
            "X-B3-TraceId",
            traceId,
            "X-B3-SpanId",
            spanId,
            "X-B3-Sampled",
            sampled,
            "X-B3-Flags",
            flags);
    assertThat(describe(extract(multi, headers))).isEqualTo(expected);
    assertThat(describe(extract(single, headers))).isEqualTo(expected);
  }

  @Test
  void singleHeaderWinsOverMultiHeaders() {
    Map<String, String> headers =
        headers(
            "b3",
            IDS + "-0",
            "X-B3-TraceId",
            SHORT_TRACE_ID,
            "X-B3-SpanId",
            SPAN_ID,
            "X-B3-Sampled",
            "1");
    assertThat(describe(extract(single, headers))).isEqualTo(TRACE_ID + "/" + SPAN_ID + "/00");
  }

  @Test
  void invalidSingleHeaderFallsBackToMultiHeaders() {
    Map<String, String> headers =
        headers("b3", "garbage", "X-B3-TraceId", TRACE_ID, "X-B3-SpanId", SPAN_ID);
    assertThat(describe(extract(single, headers))).isEqualTo(TRACE_ID + "/" + SPAN_ID + "/00");
  }

  @Test
  void injectsSingleHeader() {
    assertThat(inject(single, Carriers.withParent((byte) 1, TraceState.empty())))
        .containsExactly(Map.entry("b3", IDS + "-1"));
    assertThat(inject(single, Carriers.withParent((byte) 0, TraceState.empty())))
        .containsExactly(Map.entry("b3", IDS + "-0"));
  }

  @Test
  void injectsMultiHeaders() {
    assertThat(inject(multi, Carriers.withParent((byte) 1, TraceState.empty())))
        .isEqualTo(headers("x-b3-traceid", TRACE_ID, "x-b3-spanid", SPAN_ID, "x-b3-sampled", "1"));
    assertThat(inject(multi, Carriers.withParent((byte) 0, TraceState.empty())))
        .containsEntry("x-b3-sampled", "0");
  }

  @Test
  void debugRoundTrips() {
    Context fromSingle = extract(single, headers("b3", IDS + "-d"));
    assertThat(inject(single, fromSingle)).containsExactly(Map.entry("b3", IDS + "-d"));
    // The spec: "Debug implies an accept decision, so don't also send the X-B3-Sampled header."
    assertThat(inject(multi, fromSingle))
        .isEqualTo(headers("x-b3-traceid", TRACE_ID, "x-b3-spanid", SPAN_ID, "x-b3-flags", "1"));
    Context fromMulti =
        extract(
            multi, headers("X-B3-TraceId", TRACE_ID, "X-B3-SpanId", SPAN_ID, "X-B3-Flags", "1"));
    assertThat(inject(single, fromMulti)).containsExactly(Map.entry("b3", IDS + "-d"));
  }

  @Test
  void aLaterNonDebugExtractionForgetsDebug() {
    Context debug = extract(single, headers("b3", IDS + "-d"));
    Context again = single.extract(debug, headers("b3", IDS + "-1"), Carriers.GETTER);
    assertThat(inject(single, again)).containsExactly(Map.entry("b3", IDS + "-1"));
  }

  @Test
  void shortTraceIdsAreInjectedPadded() {
    Context context = extract(single, headers("b3", SHORT_TRACE_ID + "-" + SPAN_ID + "-1"));
    assertThat(inject(single, context).get("b3")).isEqualTo(PADDED + "-" + SPAN_ID + "-1");
  }

  @Test
  void injectsNothingForAnInvalidSpanContext() {
    assertThat(inject(single, Context.root())).isEmpty();
    assertThat(inject(multi, Context.root())).isEmpty();
  }

  @Test
  void fieldsCoverBothForms() {
    assertThat(single.fields())
        .containsExactly("b3", "X-B3-TraceId", "X-B3-SpanId", "X-B3-Sampled", "X-B3-Flags");
    assertThat(multi.fields()).isEqualTo(single.fields());
  }
}
