package dev.weft.sdk.propagation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import dev.weft.bootstrap.WeftLogger;
import dev.weft.bootstrap.context.Context;
import dev.weft.core.api.baggage.Baggage;
import dev.weft.core.api.propagation.TextMapGetter;
import dev.weft.core.api.propagation.TextMapPropagator;
import dev.weft.core.api.propagation.TextMapSetter;
import dev.weft.core.api.trace.TraceState;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Nothing a peer or a carrier does makes a propagator throw or flood the log. */
class RobustnessTest {

  private static final String ALPHABET = "0123456789abcdefABCDEF-:%=;, \t@*/_zZ\u00e9\u0000";
  private static final List<String> NAMES =
      List.of(
          "traceparent",
          "tracestate",
          "baggage",
          "b3",
          "x-b3-traceid",
          "x-b3-spanid",
          "x-b3-sampled",
          "x-b3-flags",
          "uber-trace-id",
          "uberctx-k",
          "jaeger-baggage");

  static Stream<TextMapPropagator> propagators() {
    return Stream.of(
        W3CTraceContextPropagator.getInstance(),
        W3CBaggagePropagator.getInstance(),
        B3Propagator.injectingSingleHeader(),
        B3Propagator.injectingMultiHeaders(),
        JaegerPropagator.getInstance(),
        PropagatorFactory.create(List.of("tracecontext", "baggage", "b3", "jaeger")));
  }

  @ParameterizedTest
  @MethodSource("propagators")
  void randomHeadersNeverThrow(TextMapPropagator propagator) {
    Random random = new Random(42);
    for (int i = 0; i < 20_000; i++) {
      Map<String, String> headers = Carriers.headers();
      for (String name : NAMES) {
        if (random.nextBoolean()) {
          headers.put(name, randomValue(random, name));
        }
      }
      Context context = propagator.extract(Context.root(), headers, Carriers.GETTER);
      assertThat(context).isNotNull();
      propagator.inject(context, Carriers.headers(), Carriers.SETTER);
    }
  }

  private static String randomValue(Random random, String name) {
    // Start from a valid header now and then so that mutations reach the deeper checks.
    String base =
        name.equals("traceparent")
            ? "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01"
            : name.equals("uber-trace-id") ? "4bf92f3577b34da6a3ce929d0e0e4736:1:0:1" : "";
    StringBuilder out = new StringBuilder(random.nextInt(4) == 0 ? "" : base);
    int edits = random.nextInt(4);
    for (int i = 0; i < edits || out.length() == 0 && i < 60; i++) {
      char c = ALPHABET.charAt(random.nextInt(ALPHABET.length()));
      int at = out.length() == 0 ? 0 : random.nextInt(out.length());
      if (random.nextBoolean() && out.length() > 0) {
        out.setCharAt(at, c);
      } else {
        out.insert(at, c);
      }
    }
    return out.toString();
  }

  @ParameterizedTest
  @MethodSource("propagators")
  void throwingCarriersAndNullArgumentsNeverThrow(TextMapPropagator propagator) {
    TextMapGetter<Object> getter =
        new TextMapGetter<>() {
          @Override
          public Iterable<String> keys(Object carrier) {
            throw new IllegalStateException("keys");
          }

          @Override
          public String get(Object carrier, String key) {
            throw new IllegalStateException("get");
          }
        };
    TextMapSetter<Object> setter =
        (carrier, key, value) -> {
          throw new IllegalStateException("set");
        };
    Context context =
        Baggage.builder()
            .put("k", "v")
            .build()
            .storeInContext(Carriers.withParent((byte) 1, TraceState.empty()));
    assertThatCode(
            () -> {
              assertThat(propagator.extract(context, new Object(), getter)).isSameAs(context);
              propagator.inject(context, new Object(), setter);
              assertThat(propagator.extract(null, null, Carriers.GETTER)).isNotNull();
              assertThat(propagator.extract(context, null, null)).isSameAs(context);
              propagator.inject(null, Carriers.headers(), Carriers.SETTER);
              propagator.inject(context, Carriers.headers(), null);
            })
        .doesNotThrowAnyException();
  }

  @ParameterizedTest
  @MethodSource("propagators")
  void malformedHeadersLogAtMostOneLine(TextMapPropagator propagator) {
    ByteArrayOutputStream logged = new ByteArrayOutputStream();
    WeftLogger.Level saved = WeftLogger.level();
    WeftLogger.configure(WeftLogger.Level.DEBUG);
    WeftLogger.redirect(new PrintStream(logged, true, StandardCharsets.UTF_8));
    try {
      Map<String, String> headers =
          Carriers.headers(
              "traceparent", "00-garbage",
              "baggage", "a b=c",
              "b3", "garbage",
              "uber-trace-id", "garbage",
              "uberctx-k", "%zz");
      for (int i = 0; i < 1000; i++) {
        propagator.extract(Context.root(), headers, Carriers.GETTER);
      }
    } finally {
      WeftLogger.redirect(System.err);
      WeftLogger.configure(saved);
    }
    // The limiter is shared and may already have spoken in this JVM within the minute.
    String output = logged.toString(StandardCharsets.UTF_8);
    assertThat(output.lines().count()).isLessThanOrEqualTo(1);
    assertThat(output).doesNotContain("garbage", "%zz");
  }
}
