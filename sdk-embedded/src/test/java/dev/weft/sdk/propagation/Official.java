package dev.weft.sdk.propagation;

import io.opentelemetry.api.baggage.Baggage;
import io.opentelemetry.api.baggage.BaggageEntry;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanContext;
import io.opentelemetry.context.Context;
import io.opentelemetry.context.propagation.TextMapGetter;
import io.opentelemetry.context.propagation.TextMapPropagator;
import java.util.Map;
import java.util.TreeMap;

/**
 * The official OpenTelemetry implementation (test class path only), driven the same way as Weft's
 * propagators so that results can be compared as strings and header maps.
 */
final class Official {

  // The official propagators log skipped input through java.util.logging, stack traces included;
  // the corpus is malformed on purpose. Held strongly: JUL keeps loggers only weakly.
  private static final java.util.logging.Logger quiet = quiet();

  static final TextMapGetter<Map<String, String>> GETTER =
      new TextMapGetter<>() {
        @Override
        @SuppressWarnings("deprecation") // still how the official Jaeger propagator finds uberctx-*
        public Iterable<String> keys(Map<String, String> carrier) {
          return carrier.keySet();
        }

        @Override
        public String get(Map<String, String> carrier, String key) {
          return carrier == null ? null : carrier.get(key);
        }
      };

  private Official() {}

  private static java.util.logging.Logger quiet() {
    java.util.logging.Logger logger = java.util.logging.Logger.getLogger("io.opentelemetry");
    logger.setLevel(java.util.logging.Level.OFF);
    return logger;
  }

  static Context extract(TextMapPropagator propagator, Map<String, String> headers) {
    return propagator.extract(Context.root(), headers, GETTER);
  }

  /** Same shape as {@link Carriers#describe}. */
  static String describe(Context context) {
    SpanContext spanContext = Span.fromContext(context).getSpanContext();
    if (!spanContext.isValid()) {
      return "invalid";
    }
    return spanContext.getTraceId()
        + "/"
        + spanContext.getSpanId()
        + "/"
        + spanContext.getTraceFlags().asHex();
  }

  static String traceState(Context context) {
    StringBuilder out = new StringBuilder();
    Span.fromContext(context)
        .getSpanContext()
        .getTraceState()
        .forEach(
            (key, value) -> out.append(out.length() == 0 ? "" : ",").append(key + "=" + value));
    return out.toString();
  }

  /** Entries as {@code name=value;metadata} lines in the official (sorted) order. */
  static Map<String, String> baggage(Context context) {
    Map<String, String> entries = new TreeMap<>();
    Baggage.fromContext(context)
        .forEach((name, entry) -> entries.put(name, valueAndMetadata(entry)));
    return entries;
  }

  private static String valueAndMetadata(BaggageEntry entry) {
    String metadata = entry.getMetadata().getValue();
    return metadata.isEmpty() ? entry.getValue() : entry.getValue() + ";" + metadata;
  }

  static Map<String, String> inject(TextMapPropagator propagator, Context context) {
    Map<String, String> out = Carriers.headers();
    propagator.inject(context, out, Map::put);
    return out;
  }

  static Context withParent(String traceId, String spanId, byte flags) {
    return Span.wrap(
            SpanContext.createFromRemoteParent(
                traceId,
                spanId,
                io.opentelemetry.api.trace.TraceFlags.fromByte(flags),
                io.opentelemetry.api.trace.TraceState.getDefault()))
        .storeInContext(Context.root());
  }
}
