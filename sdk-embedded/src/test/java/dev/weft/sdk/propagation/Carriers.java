package dev.weft.sdk.propagation;

import dev.weft.bootstrap.context.Context;
import dev.weft.core.api.propagation.TextMapGetter;
import dev.weft.core.api.propagation.TextMapPropagator;
import dev.weft.core.api.propagation.TextMapSetter;
import dev.weft.core.api.trace.Span;
import dev.weft.core.api.trace.SpanContext;
import dev.weft.core.api.trace.TraceState;
import java.util.Map;
import java.util.TreeMap;

/** HTTP-like header maps (case-insensitive names) and Weft's getter and setter for them. */
final class Carriers {

  static final String TRACE_ID = "4bf92f3577b34da6a3ce929d0e0e4736";
  static final String SPAN_ID = "00f067aa0ba902b7";

  static final TextMapGetter<Map<String, String>> GETTER =
      new TextMapGetter<>() {
        @Override
        public Iterable<String> keys(Map<String, String> carrier) {
          return carrier.keySet();
        }

        @Override
        public String get(Map<String, String> carrier, String key) {
          return carrier.get(key);
        }
      };

  static final TextMapSetter<Map<String, String>> SETTER = Map::put;

  private Carriers() {}

  /** A case-insensitive header map of alternating names and values (a null value is left out). */
  static Map<String, String> headers(String... namesAndValues) {
    Map<String, String> headers = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
    for (int i = 0; i < namesAndValues.length; i += 2) {
      if (namesAndValues[i + 1] != null) {
        headers.put(namesAndValues[i], namesAndValues[i + 1]);
      }
    }
    return headers;
  }

  /** What Weft extracts: {@code trace/span/flags}, or {@code invalid}. */
  static String describe(Context context) {
    return describe(Span.fromContext(context).spanContext());
  }

  static String describe(SpanContext spanContext) {
    if (!spanContext.isValid()) {
      return "invalid";
    }
    String flags = String.format("%02x", spanContext.flags() & 0xFF);
    return spanContext.traceIdHex() + "/" + spanContext.spanIdHex() + "/" + flags;
  }

  static Context extract(TextMapPropagator propagator, Map<String, String> headers) {
    return propagator.extract(Context.root(), headers, GETTER);
  }

  static Map<String, String> inject(TextMapPropagator propagator, Context context) {
    Map<String, String> out = headers();
    propagator.inject(context, out, SETTER);
    return out;
  }

  /** A context holding a remote parent with the test ids. */
  static Context withParent(byte flags, TraceState traceState) {
    return Span.wrap(
            SpanContext.createFromRemoteParent(
                Hex.parse(TRACE_ID, 0, 16),
                Hex.parse(TRACE_ID, 16, 32),
                Hex.parse(SPAN_ID, 0, 16),
                flags,
                traceState))
        .storeInContext(Context.root());
  }
}
