package dev.weft.sdk.propagation;

import static dev.weft.sdk.propagation.Carriers.SPAN_ID;
import static dev.weft.sdk.propagation.Carriers.TRACE_ID;
import static org.assertj.core.api.Assertions.assertThat;

import dev.weft.core.api.baggage.Baggage;
import io.opentelemetry.extension.trace.propagation.JaegerPropagator;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Weft's Jaeger propagator against the official one (opentelemetry-extension-trace-propagators):
 * same span context extracted and same headers injected, except where the official propagator
 * departs from the Jaeger format (the tests after the first).
 */
@SuppressWarnings("deprecation") // the official Jaeger propagator is deprecated, not gone
class JaegerCrossCheckTest {

  private static final dev.weft.sdk.propagation.JaegerPropagator weft =
      dev.weft.sdk.propagation.JaegerPropagator.getInstance();
  private static final io.opentelemetry.context.propagation.TextMapPropagator official =
      JaegerPropagator.getInstance();
  private static final String IDS = TRACE_ID + ":" + SPAN_ID;

  @ParameterizedTest
  @ValueSource(
      strings = {
        IDS + ":0:1",
        IDS + ":0:0",
        IDS + ":0:01",
        IDS + ":0:3",
        IDS + ":0:2",
        IDS + ":0:ff",
        IDS + ":0:8",
        IDS + ":" + SPAN_ID + ":1",
        TRACE_ID + "%3A" + SPAN_ID + "%3A0%3A1",
        "abc:def:0:1",
        "a3ce929d0e0e4736:" + SPAN_ID + ":0:1",
        "1:1:0:1",
        "",
        ":::",
        IDS + ":0",
        IDS + ":0:1:extra",
        IDS + ":0:g",
        TRACE_ID + "0:" + SPAN_ID + ":0:1",
        TRACE_ID + ":" + SPAN_ID + "0:0:1",
        "0:" + SPAN_ID + ":0:1",
        "00000000000000000000000000000000:" + SPAN_ID + ":0:1",
        TRACE_ID + ":0:0:1",
        TRACE_ID + ":0000000000000000:0:1",
        "4BF92F3577B34DA6A3CE929D0E0E4736:" + SPAN_ID + ":0:1",
        TRACE_ID + "-" + SPAN_ID + "-0-1",
        TRACE_ID + "%3A" + SPAN_ID + "%3A0",
        IDS + ":0:100",
        IDS + "::1",
        IDS + ":" + SPAN_ID + "0:1",
        IDS + ":0:0x01",
        IDS + ":0:",
        IDS + ":zz:1",
        " " + IDS + ":0:1",
        IDS + ":0:1 ",
        TRACE_ID + "%3A" + SPAN_ID + ":0:1",
        "4BF92F3577B34DA6:" + SPAN_ID + ":0:1",
      })
  void extractsAndInjectsLikeTheOfficialPropagator(String header) {
    Map<String, String> headers = Carriers.headers("uber-trace-id", header, "uberctx-k", "v");
    dev.weft.bootstrap.context.Context weftContext = Carriers.extract(weft, headers);
    io.opentelemetry.context.Context officialContext = Official.extract(official, headers);

    assertThat(Carriers.describe(weftContext)).isEqualTo(Official.describe(officialContext));
    assertThat(entries(weftContext)).isEqualTo(Official.baggage(officialContext));
    assertThat(Carriers.inject(weft, weftContext))
        .isEqualTo(Official.inject(official, officialContext));
  }

  @Test
  void baggageValuesAreUrlDecodedAndEncoded() {
    // The Jaeger format URL-encodes baggage values in HTTP headers ("value%201%20%2F%20blah").
    // The official propagator neither decodes nor encodes them, so "value 1 / blah" arrives
    // encoded in the application and a value with a space or a non-ASCII character is sent raw.
    Map<String, String> headers = Carriers.headers("uberctx-key1", "value%201%20%2F%20blah");
    assertThat(Baggage.fromContext(Carriers.extract(weft, headers)).get("key1"))
        .isEqualTo("value 1 / blah");
    assertThat(Official.baggage(Official.extract(official, headers)))
        .containsEntry("key1", "value%201%20%2F%20blah");
    assertThat(Carriers.inject(weft, Carriers.extract(weft, headers))).isEqualTo(headers);
  }

  @Test
  void extractedBaggageIsAddedToTheContextsBaggage() {
    // So that "baggage,jaeger" keeps the W3C entries; the official propagator replaces them.
    Map<String, String> headers = Carriers.headers("baggage", "w3c=1", "uberctx-j", "2");
    dev.weft.core.api.propagation.TextMapPropagator weftBoth =
        PropagatorFactory.create(java.util.List.of("baggage", "jaeger"));
    io.opentelemetry.context.propagation.TextMapPropagator officialBoth =
        io.opentelemetry.context.propagation.TextMapPropagator.composite(
            io.opentelemetry.api.baggage.propagation.W3CBaggagePropagator.getInstance(), official);
    assertThat(entries(Carriers.extract(weftBoth, headers))).containsOnlyKeys("w3c", "j");
    assertThat(Official.baggage(Official.extract(officialBoth, headers))).containsOnlyKeys("j");
  }

  private static Map<String, String> entries(dev.weft.bootstrap.context.Context context) {
    Baggage baggage = Baggage.fromContext(context);
    Map<String, String> entries = new TreeMap<>();
    for (int i = 0; i < baggage.size(); i++) {
      entries.put(baggage.nameAt(i), baggage.valueAt(i));
    }
    return entries;
  }
}
