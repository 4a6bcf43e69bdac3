package dev.weft.sdk.propagation;

import static dev.weft.sdk.propagation.Carriers.SPAN_ID;
import static dev.weft.sdk.propagation.Carriers.TRACE_ID;
import static dev.weft.sdk.propagation.Carriers.describe;
import static dev.weft.sdk.propagation.Carriers.extract;
import static dev.weft.sdk.propagation.Carriers.headers;
import static dev.weft.sdk.propagation.Carriers.inject;
import static org.assertj.core.api.Assertions.assertThat;

import dev.weft.bootstrap.context.Context;
import dev.weft.bootstrap.context.ContextKey;
import dev.weft.core.api.trace.Span;
import dev.weft.core.api.trace.SpanContext;
import dev.weft.core.api.trace.TraceState;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class W3CTraceContextPropagatorTest {

  private static final W3CTraceContextPropagator propagator =
      W3CTraceContextPropagator.getInstance();
  private static final String VALID = "00-" + TRACE_ID + "-" + SPAN_ID + "-01";

  @ParameterizedTest
  @ValueSource(
      strings = {
        "00-" + TRACE_ID + "-" + SPAN_ID + "-01",
        "00-" + TRACE_ID + "-" + SPAN_ID + "-00",
        "00-" + TRACE_ID + "-" + SPAN_ID + "-03",
        "00-" + TRACE_ID + "-" + SPAN_ID + "-ff",
        "00-00000000000000000000000000000001-" + SPAN_ID + "-01",
        "00-" + TRACE_ID + "-0000000000000001-01",
        "00-ffffffffffffffffffffffffffffffff-ffffffffffffffff-01",
        // Higher versions: the first four fields are read, later fields ignored (spec 3.2.4).
        "01-" + TRACE_ID + "-" + SPAN_ID + "-01",
        "cc-" + TRACE_ID + "-" + SPAN_ID + "-01-what-the-future-will-be-like",
        "fe-" + TRACE_ID + "-" + SPAN_ID + "-01-",
        "01-" + TRACE_ID + "-" + SPAN_ID + "-01-XYZ",
      })
  void extractsValidTraceparent(String traceparent) {
    Context context = extract(propagator, headers("traceparent", traceparent));
    SpanContext parent = Span.fromContext(context).spanContext();
    assertThat(parent.isValid()).isTrue();
    assertThat(parent.isRemote()).isTrue();
    assertThat(parent.traceIdHex()).isEqualTo(traceparent.substring(3, 35));
    assertThat(parent.spanIdHex()).isEqualTo(traceparent.substring(36, 52));
    assertThat(parent.flags() & 0xFF)
        .isEqualTo(Integer.parseInt(traceparent.substring(53, 55), 16));
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "",
        "00",
        "00-" + TRACE_ID + "-" + SPAN_ID + "-0", // 54 characters
        "00-" + TRACE_ID + "-" + SPAN_ID + "-01-", // version 00 is exactly 55 characters
        "00-" + TRACE_ID + "-" + SPAN_ID + "-01-extra",
        "00-" + TRACE_ID + "-" + SPAN_ID + "-01 ",
        " 00-" + TRACE_ID + "-" + SPAN_ID + "-01",
        "ff-" + TRACE_ID + "-" + SPAN_ID + "-01", // version ff is forbidden
        "0g-" + TRACE_ID + "-" + SPAN_ID + "-01",
        "0A-" + TRACE_ID + "-" + SPAN_ID + "-01",
        "01-" + TRACE_ID + "-" + SPAN_ID + "-01x", // future version: 56th char must be '-'
        "00-00000000000000000000000000000000-" + SPAN_ID + "-01", // all-zero trace id
        "00-" + TRACE_ID + "-0000000000000000-01", // all-zero parent id
        "00-4BF92F3577B34DA6A3CE929D0E0E4736-" + SPAN_ID + "-01", // upper-case hex
        "00-" + TRACE_ID + "-00F067AA0BA902B7-01",
        "00-" + TRACE_ID + "-" + SPAN_ID + "-0A",
        "00-" + TRACE_ID + "-" + SPAN_ID + "-g1",
        "00-" + TRACE_ID + "-" + SPAN_ID + "_01",
        "00_" + TRACE_ID + "-" + SPAN_ID + "-01",
        "00-" + TRACE_ID + "_" + SPAN_ID + "-01",
        "00-4bf92f3577b34da6a3ce929d0e0e473-" + SPAN_ID + "-01", // 31 digits
        "00-" + TRACE_ID + "-00f067aa0ba902b-01-", // 15 digits
        "00-" + TRACE_ID + "-" + SPAN_ID + "-01," + "00-" + TRACE_ID + "-" + SPAN_ID + "-01",
        "00-4bf92f3577b34da6a3ce929d0e0e473g-" + SPAN_ID + "-01",
        "00-" + TRACE_ID + "-" + SPAN_ID + "-.1",
        "00-+bf92f3577b34da6a3ce929d0e0e4736-" + SPAN_ID + "-01",
      })
  void ignoresInvalidTraceparent(String traceparent) {
    Context base = Context.root().with(Span.CONTEXT_KEY, null);
    Context context =
        propagator.extract(
            base, headers("traceparent", traceparent, "tracestate", "a=b"), Carriers.GETTER);
    assertThat(context).isSameAs(base);
  }

  @Test
  void withoutHeadersReturnsTheContextItself() {
    Context base = Context.root().with(Span.CONTEXT_KEY, null);
    assertThat(propagator.extract(base, headers(), Carriers.GETTER)).isSameAs(base);
    assertThat(propagator.extract(base, headers("tracestate", "a=1"), Carriers.GETTER))
        .isSameAs(base);
  }

  @Test
  void extractsTraceState() {
    Context context =
        extract(propagator, headers("traceparent", VALID, "tracestate", "rojo=1, congo=t61 ,x=y"));
    TraceState state = Span.fromContext(context).spanContext().traceState();
    assertThat(state.toHeader()).isEqualTo("rojo=1,congo=t61,x=y");
  }

  @Test
  void invalidTraceStateIsDroppedButTraceparentKept() {
    Context context =
        extract(propagator, headers("traceparent", VALID, "tracestate", "rojo=1,BAD=2"));
    SpanContext parent = Span.fromContext(context).spanContext();
    assertThat(parent.isValid()).isTrue();
    assertThat(parent.traceState().isEmpty()).isTrue();
  }

  @Test
  void injectsVersion00() {
    Map<String, String> out = inject(propagator, Carriers.withParent((byte) 1, TraceState.empty()));
    assertThat(out).containsExactly(Map.entry("traceparent", VALID));
  }

  @Test
  void injectsOnlyTheDefinedFlags() {
    // Bits other than sampled (01) and random-trace-id (02) are reserved: "Vendors MUST set those
    // to zero" (spec 3.2.2.5). The official propagator sends the incoming byte unchanged.
    Map<String, String> out =
        inject(propagator, Carriers.withParent((byte) 0xff, TraceState.empty()));
    assertThat(out.get("traceparent")).endsWith("-03");
    out = inject(propagator, Carriers.withParent((byte) 0x02, TraceState.empty()));
    assertThat(out.get("traceparent")).endsWith("-02");
  }

  @Test
  void injectsEachContextOfASequenceWhateverTheThreadInjectedBefore() {
    // The thread's buffer keeps the digits of the ids it last wrote: every change of trace id,
    // span id or flags, alone or together, and ids of 0 (the buffer's starting digits).
    long[][] ids = {
      {0x4bf92f3577b34da6L, 0xa3ce929d0e0e4736L, 0x00f067aa0ba902b7L, 1},
      {0x4bf92f3577b34da6L, 0xa3ce929d0e0e4736L, 0x00f067aa0ba902b7L, 0},
      {0x4bf92f3577b34da6L, 0xa3ce929d0e0e4736L, 0x1111111111111111L, 1},
      {0x4bf92f3577b34da6L, 0x0000000000000001L, 0x1111111111111111L, 1},
      {0, 1, 1, 3},
      {0, 1, 0xffffffffffffffffL, 3},
      {0xffffffffffffffffL, 0, 0xffffffffffffffffL, 2},
      {1, 0, 0x8000000000000000L, 2},
    };
    SplittableRandom random = new SplittableRandom(7);
    for (int round = 0; round < 2; round++) {
      for (long[] id : ids) {
        assertInjects(id[0], id[1], id[2], (byte) id[3]);
      }
    }
    for (int i = 0; i < 10_000; i++) {
      long high = random.nextInt(4) == 0 ? 0 : random.nextLong();
      assertInjects(high, random.nextLong() | 1, random.nextLong() | 1, (byte) random.nextInt(4));
    }
  }

  private static void assertInjects(long high, long low, long spanId, byte flags) {
    Context context =
        Span.wrap(SpanContext.create(high, low, spanId, flags, TraceState.empty()))
            .storeInContext(Context.root());
    String expected = String.format("00-%016x%016x-%016x-%02x", high, low, spanId, flags);
    assertThat(inject(propagator, context)).containsExactly(Map.entry("traceparent", expected));
  }

  @Test
  void injectsTraceState() {
    TraceState state = TraceState.ofValidated(List.of("rojo", "00f067aa0ba902b7", "congo", "t61"));
    Map<String, String> out = inject(propagator, Carriers.withParent((byte) 0, state));
    assertThat(out)
        .containsEntry("traceparent", "00-" + TRACE_ID + "-" + SPAN_ID + "-00")
        .containsEntry("tracestate", "rojo=00f067aa0ba902b7,congo=t61");
  }

  @Test
  void injectsNothingForAnInvalidSpanContext() {
    assertThat(inject(propagator, Context.root())).isEmpty();
    Context invalid = Span.wrap(SpanContext.invalid()).storeInContext(Context.root());
    assertThat(inject(propagator, invalid)).isEmpty();
  }

  @Test
  void roundTripsTheWrittenForm() {
    Map<String, String> in = headers("traceparent", VALID, "tracestate", "a=1,b@c=2");
    assertThat(inject(propagator, extract(propagator, in))).isEqualTo(in);
  }

  @Test
  void higherVersionIsDowngradedOnInjection() {
    Context context =
        extract(propagator, headers("traceparent", "42-" + TRACE_ID + "-" + SPAN_ID + "-01-zz"));
    assertThat(inject(propagator, context)).containsEntry("traceparent", VALID);
  }

  @Test
  void remoteParentIsStoredInTheGivenContext() {
    ContextKey<String> key = ContextKey.named("other");
    Context base = Context.root().with(key, "kept");
    Context context = propagator.extract(base, headers("traceparent", VALID), Carriers.GETTER);
    assertThat(context.get(key)).isEqualTo("kept");
    assertThat(describe(context)).isEqualTo(TRACE_ID + "/" + SPAN_ID + "/01");
  }

  @Test
  void fieldsAreTheTwoHeaders() {
    assertThat(propagator.fields()).containsExactly("traceparent", "tracestate");
  }
}
