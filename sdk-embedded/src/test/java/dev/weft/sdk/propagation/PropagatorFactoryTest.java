package dev.weft.sdk.propagation;

import static dev.weft.sdk.propagation.Carriers.SPAN_ID;
import static dev.weft.sdk.propagation.Carriers.TRACE_ID;
import static dev.weft.sdk.propagation.Carriers.describe;
import static dev.weft.sdk.propagation.Carriers.extract;
import static dev.weft.sdk.propagation.Carriers.headers;
import static dev.weft.sdk.propagation.Carriers.inject;
import static org.assertj.core.api.Assertions.assertThat;

import dev.weft.bootstrap.WeftLogger;
import dev.weft.bootstrap.context.Context;
import dev.weft.core.api.baggage.Baggage;
import dev.weft.core.api.propagation.Propagators;
import dev.weft.core.api.propagation.TextMapPropagator;
import dev.weft.core.api.trace.TraceState;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class PropagatorFactoryTest {

  @Test
  void defaultPairIsAComposite() {
    TextMapPropagator propagator = PropagatorFactory.create(List.of("tracecontext", "baggage"));
    assertThat(propagator).isInstanceOf(CompositePropagator.class);
    assertThat(propagator.fields()).containsExactly("traceparent", "tracestate", "baggage");
    assertThat(propagator)
        .hasToString("CompositePropagator{W3CTraceContextPropagator, W3CBaggagePropagator}");
  }

  @Test
  void eachNameMapsToItsPropagator() {
    assertThat(PropagatorFactory.create(List.of("tracecontext")))
        .isSameAs(W3CTraceContextPropagator.getInstance());
    assertThat(PropagatorFactory.create(List.of("baggage")))
        .isSameAs(W3CBaggagePropagator.getInstance());
    assertThat(PropagatorFactory.create(List.of("b3")))
        .isSameAs(B3Propagator.injectingSingleHeader());
    assertThat(PropagatorFactory.create(List.of("b3multi")))
        .isSameAs(B3Propagator.injectingMultiHeaders());
    assertThat(PropagatorFactory.create(List.of("jaeger")))
        .isSameAs(JaegerPropagator.getInstance());
    assertThat(PropagatorFactory.create(List.of(" Jaeger ")))
        .isSameAs(JaegerPropagator.getInstance());
  }

  @Test
  void noneOrNothingIsNoop() {
    assertThat(PropagatorFactory.create(List.of("none"))).isSameAs(Propagators.noop());
    assertThat(PropagatorFactory.create(Collections.emptyList())).isSameAs(Propagators.noop());
    assertThat(PropagatorFactory.create(null)).isSameAs(Propagators.noop());
    assertThat(PropagatorFactory.create(List.of("xray", "ottrace"))).isSameAs(Propagators.noop());
  }

  @Test
  void noneBesideOthersAndRepeatsAreIgnored() {
    assertThat(PropagatorFactory.create(List.of("none", "b3", "b3")))
        .isSameAs(B3Propagator.injectingSingleHeader());
  }

  @Test
  void unimplementedNamesAreSkippedWithOneDebugLine() {
    ByteArrayOutputStream logged = new ByteArrayOutputStream();
    WeftLogger.Level saved = WeftLogger.level();
    WeftLogger.configure(WeftLogger.Level.DEBUG);
    WeftLogger.redirect(new PrintStream(logged, true, StandardCharsets.UTF_8));
    TextMapPropagator propagator;
    try {
      propagator =
          PropagatorFactory.create(
              Arrays.asList("xray", "tracecontext", null, "ottrace", "xray-lambda"));
    } finally {
      WeftLogger.redirect(System.err);
      WeftLogger.configure(saved);
    }
    assertThat(propagator).isSameAs(W3CTraceContextPropagator.getInstance());
    assertThat(logged.toString(StandardCharsets.UTF_8))
        .isEqualTo(
            "[weft] DEBUG propagation - propagators not implemented by Weft, skipped: xray,"
                + " ottrace, xray-lambda"
                + System.lineSeparator());
  }

  @Test
  void compositeExtractsEveryFormatAndLaterOnesWin() {
    TextMapPropagator propagator =
        PropagatorFactory.create(List.of("tracecontext", "baggage", "b3multi", "jaeger"));
    String otherSpan = "1111111111111111";
    Map<String, String> headers =
        headers(
            "traceparent",
            "00-" + TRACE_ID + "-" + SPAN_ID + "-01",
            "baggage",
            "a=1",
            "uber-trace-id",
            TRACE_ID + ":" + otherSpan + ":0:0",
            "uberctx-b",
            "2");
    Context context = extract(propagator, headers);
    assertThat(describe(context)).isEqualTo(TRACE_ID + "/" + otherSpan + "/00");
    assertThat(W3CBaggagePropagatorTest.entries(context)).isEqualTo("a=1,b=2");
  }

  @Test
  void compositeInjectsEveryFormat() {
    TextMapPropagator propagator =
        PropagatorFactory.create(List.of("tracecontext", "baggage", "b3", "b3multi", "jaeger"));
    Context context =
        Baggage.builder()
            .put("k", "v")
            .build()
            .storeInContext(Carriers.withParent((byte) 1, TraceState.empty()));
    Map<String, String> out = inject(propagator, context);
    assertThat(out.keySet())
        .containsExactlyInAnyOrder(
            "traceparent",
            "baggage",
            "b3",
            "X-B3-TraceId",
            "X-B3-SpanId",
            "X-B3-Sampled",
            "uber-trace-id",
            "uberctx-k");
    assertThat(CompositePropagator.of(Arrays.asList(null, JaegerPropagator.getInstance())).fields())
        .containsExactly("uber-trace-id", "jaeger-baggage");
  }
}
