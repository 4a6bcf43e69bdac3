package dev.weft.sdk.propagation;

import static dev.weft.sdk.propagation.Carriers.SPAN_ID;
import static dev.weft.sdk.propagation.Carriers.TRACE_ID;
import static dev.weft.sdk.propagation.Carriers.describe;
import static dev.weft.sdk.propagation.Carriers.extract;
import static dev.weft.sdk.propagation.Carriers.headers;
import static dev.weft.sdk.propagation.Carriers.inject;
import static dev.weft.sdk.propagation.W3CBaggagePropagatorTest.entries;
import static org.assertj.core.api.Assertions.assertThat;

import dev.weft.bootstrap.context.Context;
import dev.weft.core.api.baggage.Baggage;
import dev.weft.core.api.trace.TraceState;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class JaegerPropagatorTest {

  private static final JaegerPropagator propagator = JaegerPropagator.getInstance();
  private static final String VALID = TRACE_ID + "/" + SPAN_ID + "/01";

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        TRACE_ID + ":" + SPAN_ID + ":0:1|" + VALID,
        TRACE_ID + ":" + SPAN_ID + ":0:0|" + TRACE_ID + "/" + SPAN_ID + "/00",
        TRACE_ID + ":" + SPAN_ID + ":0:01|" + VALID,
        TRACE_ID + ":" + SPAN_ID + ":0:3|" + VALID, // sampled + debug
        TRACE_ID + ":" + SPAN_ID + ":0:ff|" + VALID,
        TRACE_ID + ":" + SPAN_ID + ":0:2|" + TRACE_ID + "/" + SPAN_ID + "/00", // debug alone
        TRACE_ID + ":" + SPAN_ID + ":0:8|" + TRACE_ID + "/" + SPAN_ID + "/00", // firehose
        TRACE_ID + ":" + SPAN_ID + ":" + SPAN_ID + ":1|" + VALID, // parent id is not used
        TRACE_ID + ":" + SPAN_ID + "::1|" + VALID, // nor checked: clients ignore it
        TRACE_ID + ":" + SPAN_ID + ":not-hex:1|" + VALID,
        TRACE_ID + "%3A" + SPAN_ID + "%3A0%3A1|" + VALID, // URL-encoded colons
        TRACE_ID + "%3a" + SPAN_ID + "%3a0%3a1|" + VALID,
        "abc:def:0:1|00000000000000000000000000000abc/0000000000000def/01", // left-padded
        "a3ce929d0e0e4736:" + SPAN_ID + ":0:1|0000000000000000a3ce929d0e0e4736/" + SPAN_ID + "/01",
        "1:1:0:1|00000000000000000000000000000001/0000000000000001/01",
      })
  void extractsUberTraceId(String header, String expected) {
    assertThat(describe(extract(propagator, headers("uber-trace-id", header)))).isEqualTo(expected);
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "",
        ":::",
        TRACE_ID + ":" + SPAN_ID + ":0",
        TRACE_ID + ":" + SPAN_ID + ":0:1:",
        TRACE_ID + ":" + SPAN_ID + ":0:1:extra",
        TRACE_ID + ":" + SPAN_ID + ":0:",
        TRACE_ID + ":" + SPAN_ID + ":0:100", // flags are one byte
        TRACE_ID + ":" + SPAN_ID + ":0:g",
        TRACE_ID + "0:" + SPAN_ID + ":0:1", // 33 digits
        TRACE_ID + ":" + SPAN_ID + "0:0:1", // 17 digits
        "0:" + SPAN_ID + ":0:1",
        "00000000000000000000000000000000:" + SPAN_ID + ":0:1",
        TRACE_ID + ":0:0:1",
        "4BF92F3577B34DA6A3CE929D0E0E4736:" + SPAN_ID + ":0:1",
        TRACE_ID + ":" + SPAN_ID + ":0:0x01",
        TRACE_ID + "-" + SPAN_ID + "-0-1",
        " " + TRACE_ID + ":" + SPAN_ID + ":0:1",
        TRACE_ID + "%3A" + SPAN_ID + "%3A0",
        TRACE_ID + "%3B" + SPAN_ID + "%3B0%3B1",
      })
  void ignoresInvalidUberTraceId(String header) {
    assertThat(describe(extract(propagator, headers("uber-trace-id", header))))
        .isEqualTo("invalid");
  }

  @Test
  void injects() {
    assertThat(inject(propagator, Carriers.withParent((byte) 1, TraceState.empty())))
        .containsExactly(Map.entry("uber-trace-id", TRACE_ID + ":" + SPAN_ID + ":0:1"));
    assertThat(inject(propagator, Carriers.withParent((byte) 0x03, TraceState.empty())))
        .containsExactly(Map.entry("uber-trace-id", TRACE_ID + ":" + SPAN_ID + ":0:1"));
    assertThat(inject(propagator, Carriers.withParent((byte) 0, TraceState.empty())))
        .containsExactly(Map.entry("uber-trace-id", TRACE_ID + ":" + SPAN_ID + ":0:0"));
    assertThat(inject(propagator, Context.root())).isEmpty();
  }

  @Test
  void extractsBaggageUrlDecoded() {
    Map<String, String> headers =
        headers(
            "uber-trace-id", TRACE_ID + ":" + SPAN_ID + ":0:1",
            "uberctx-key1", "value%201%20%2F%20blah",
            "UberCtx-Key2", "a+b",
            "uberctx-", "ignored",
            "uberctx-bad", "%zz");
    Context context = extract(propagator, headers);
    assertThat(describe(context)).isEqualTo(VALID);
    assertThat(entries(context)).isEqualTo("key1=value 1 / blah,Key2=a b");
  }

  @Test
  void extractsBaggageWithoutATraceAndTheAdHocHeader() {
    Context context =
        extract(propagator, headers("uberctx-a", "1", "jaeger-baggage", "k1=v1, k2 = v2 ,x,=y"));
    assertThat(describe(context)).isEqualTo("invalid");
    assertThat(entries(context)).isEqualTo("a=1,k1=v1,k2=v2");
  }

  @Test
  void extractedBaggageIsAddedToTheContextsBaggage() {
    Context base = Baggage.builder().put("w3c", "1").build().storeInContext(Context.root());
    Context context = propagator.extract(base, headers("uberctx-j", "2"), Carriers.GETTER);
    assertThat(entries(context)).isEqualTo("w3c=1,j=2");
    assertThat(propagator.extract(base, headers(), Carriers.GETTER)).isSameAs(base);
  }

  @Test
  void injectsBaggageUrlEncoded() {
    Context context =
        Baggage.builder()
            .put("key1", "value 1 / blah")
            .put("bad key", "skipped")
            .put("plain", "v")
            .build()
            .storeInContext(Context.root());
    assertThat(inject(propagator, context))
        .isEqualTo(headers("uberctx-key1", "value%201%20%2F%20blah", "uberctx-plain", "v"));
  }

  @Test
  void baggageRoundTrips() {
    Baggage baggage = Baggage.builder().put("a", "x + y = 100% \u20ac").put("b", "").build();
    Map<String, String> headers = inject(propagator, baggage.storeInContext(Context.root()));
    assertThat(Baggage.fromContext(extract(propagator, headers))).isEqualTo(baggage);
  }

  @Test
  void traceRoundTrips() {
    Map<String, String> headers = headers("uber-trace-id", TRACE_ID + ":" + SPAN_ID + ":0:1");
    assertThat(inject(propagator, extract(propagator, headers))).isEqualTo(headers);
  }

  @Test
  void atMost180BaggageEntries() {
    Map<String, String> headers = headers();
    for (int i = 0; i < 200; i++) {
      headers.put("uberctx-k" + i, "v");
    }
    assertThat(Baggage.fromContext(extract(propagator, headers)).size()).isEqualTo(180);
  }

  @Test
  void fields() {
    assertThat(propagator.fields()).containsExactly("uber-trace-id", "jaeger-baggage");
  }
}
