package dev.weft.sdk.propagation;

import static dev.weft.sdk.propagation.HeaderText.indexOf;
import static dev.weft.sdk.propagation.HeaderText.skipOws;
import static dev.weft.sdk.propagation.HeaderText.trimOws;

import dev.weft.bootstrap.context.Context;
import dev.weft.core.api.baggage.Baggage;
import dev.weft.core.api.propagation.TextMapGetter;
import dev.weft.core.api.propagation.TextMapPropagator;
import dev.weft.core.api.propagation.TextMapSetter;
import dev.weft.core.api.trace.Span;
import dev.weft.core.api.trace.SpanContext;
import dev.weft.core.api.trace.TraceState;
import java.util.Collection;
import java.util.List;

/**
 * Jaeger ({@code otel.propagators=jaeger}),
 * https://www.jaegertracing.io/docs/latest/client-libraries/ (propagation format).
 *
 * <ul>
 *   <li>{@code uber-trace-id: {trace-id}:{span-id}:{parent-span-id}:{flags}}, also with the colons
 *       URL-encoded ({@code %3A}). Ids are lower-case hex; shorter ids are left-padded (trace id up
 *       to 32 digits, span ids up to 16); zero trace or span ids are invalid; the deprecated parent
 *       id field must be present but is not read (as Jaeger clients ignore it). Flags are one or
 *       two hex digits; bit 0 is sampled. Injection writes {@code {32 digits}:{16 digits}:0:{1|0}}.
 *   <li>Baggage: one {@code uberctx-{name}} header per entry, the value URL-encoded; extraction
 *       also reads the ad-hoc {@code jaeger-baggage: k1=v1, k2=v2} header. Extracted entries are
 *       added to the context's baggage (so {@code baggage,jaeger} keeps both); names that are not
 *       HTTP tokens are not injected.
 * </ul>
 *
 * <p>Thread-safe and stateless. Never throws; a malformed header is ignored with at most one
 * rate-limited DEBUG line.
 */
public final class JaegerPropagator implements TextMapPropagator {

  static final String UBER_TRACE_ID = "uber-trace-id";
  static final String BAGGAGE_PREFIX = "uberctx-";
  static final String JAEGER_BAGGAGE = "jaeger-baggage";

  private static final JaegerPropagator INSTANCE = new JaegerPropagator();
  // uberctx-* names depend on the baggage, so they cannot be listed.
  private static final List<String> FIELDS = List.of(UBER_TRACE_ID, JAEGER_BAGGAGE);

  private JaegerPropagator() {}

  public static JaegerPropagator getInstance() {
    return INSTANCE;
  }

  @Override
  public Collection<String> fields() {
    return FIELDS;
  }

  @Override
  public <C> void inject(Context context, C carrier, TextMapSetter<C> setter) {
    if (context == null || setter == null) {
      return;
    }
    try {
      SpanContext spanContext = Span.fromContext(context).spanContext();
      if (spanContext.isValid()) {
        setter.set(carrier, UBER_TRACE_ID, uberTraceId(spanContext));
      }
      Baggage baggage = Baggage.fromContext(context);
      for (int i = 0; i < baggage.size(); i++) {
        String name = baggage.nameAt(i);
        if (BaggageCodec.isToken(name, 0, name.length())) {
          StringBuilder value = new StringBuilder();
          PercentCodec.encode(baggage.valueAt(i), value);
          setter.set(carrier, BAGGAGE_PREFIX + name, value.toString());
        }
      }
    } catch (Throwable error) {
      PropagationLog.failed("jaeger inject", error);
    }
  }

  private static String uberTraceId(SpanContext spanContext) {
    char[] out = new char[32 + 1 + 16 + 3 + 1];
    SpanContext.writeHex(spanContext.traceIdHigh(), out, 0);
    SpanContext.writeHex(spanContext.traceIdLow(), out, 16);
    out[32] = ':';
    SpanContext.writeHex(spanContext.spanId(), out, 33);
    out[49] = ':';
    out[50] = '0';
    out[51] = ':';
    out[52] = spanContext.isSampled() ? '1' : '0';
    return new String(out);
  }

  @Override
  public <C> Context extract(Context context, C carrier, TextMapGetter<C> getter) {
    Context base = context == null ? Context.root() : context;
    if (getter == null) {
      return base;
    }
    try {
      Context extracted = base;
      String header = getter.get(carrier, UBER_TRACE_ID);
      if (header != null) {
        SpanContext parent = parse(header.indexOf(':') >= 0 ? header : decodeColons(header));
        if (parent == null) {
          PropagationLog.malformed(UBER_TRACE_ID);
        } else {
          extracted = Span.wrap(parent).storeInContext(base);
        }
      }
      return extractBaggage(extracted, carrier, getter);
    } catch (Throwable error) {
      PropagationLog.failed("jaeger extract", error);
      return base;
    }
  }

  private static String decodeColons(String header) {
    return header.replace("%3A", ":").replace("%3a", ":");
  }

  /** The span context in a colon-separated header, or null when it is malformed. */
  private static SpanContext parse(String s) {
    int traceIdEnd = s.indexOf(':');
    int spanIdEnd = traceIdEnd < 0 ? -1 : s.indexOf(':', traceIdEnd + 1);
    int parentEnd = spanIdEnd < 0 ? -1 : s.indexOf(':', spanIdEnd + 1);
    if (parentEnd < 0 || s.indexOf(':', parentEnd + 1) >= 0) {
      return null;
    }
    int spanIdLength = spanIdEnd - traceIdEnd - 1;
    int flagsLength = s.length() - parentEnd - 1;
    if (traceIdEnd > 32
        || spanIdLength > 16
        || flagsLength > 2
        || !Hex.isLowerHex(s, 0, traceIdEnd)
        || !Hex.isLowerHex(s, traceIdEnd + 1, spanIdEnd)
        || !Hex.isLowerHex(s, parentEnd + 1, s.length())) {
      return null;
    }
    long high = Hex.traceIdHigh(s, 0, traceIdEnd);
    long low = Hex.traceIdLow(s, 0, traceIdEnd);
    long spanId = Hex.parse(s, traceIdEnd + 1, spanIdEnd);
    if ((high == 0 && low == 0) || spanId == 0) {
      return null;
    }
    boolean sampled = (Hex.parse(s, parentEnd + 1, s.length()) & SpanContext.SAMPLED) != 0;
    return SpanContext.createFromRemoteParent(
        high, low, spanId, sampled ? SpanContext.SAMPLED : 0, TraceState.empty());
  }

  private static <C> Context extractBaggage(Context context, C carrier, TextMapGetter<C> getter) {
    Baggage.Builder builder = null;
    Iterable<String> keys = getter.keys(carrier);
    if (keys != null) {
      for (String key : keys) {
        if (builder != null && builder.size() >= BaggageCodec.MAX_ENTRIES) {
          PropagationLog.malformed(BAGGAGE_PREFIX + "*");
          break;
        }
        if (key != null
            && key.length() > BAGGAGE_PREFIX.length()
            && key.regionMatches(true, 0, BAGGAGE_PREFIX, 0, BAGGAGE_PREFIX.length())) {
          String value = getter.get(carrier, key);
          String decoded =
              value == null ? null : PercentCodec.decode(value, 0, value.length(), true);
          if (decoded == null) {
            PropagationLog.malformed(key);
            continue;
          }
          builder = builder == null ? Baggage.fromContext(context).toBuilder() : builder;
          builder.put(key.substring(BAGGAGE_PREFIX.length()), decoded);
        }
      }
    }
    String adHoc = getter.get(carrier, JAEGER_BAGGAGE);
    if (adHoc != null) {
      builder = builder == null ? Baggage.fromContext(context).toBuilder() : builder;
      putAdHoc(adHoc, builder);
    }
    return builder == null ? context : builder.build().storeInContext(context);
  }

  /** {@code k1=v1, k2=v2}: members without {@code =} or with an empty key are skipped. */
  private static void putAdHoc(String header, Baggage.Builder builder) {
    int length = header.length();
    for (int from = 0; from <= length && builder.size() < BaggageCodec.MAX_ENTRIES; ) {
      int to = indexOf(header, ',', from, length);
      int equals = indexOf(header, '=', from, to);
      int keyStart = skipOws(header, from, equals);
      int keyEnd = trimOws(header, keyStart, equals);
      if (equals < to && keyStart < keyEnd) {
        int valueStart = skipOws(header, equals + 1, to);
        builder.put(
            header.substring(keyStart, keyEnd),
            header.substring(valueStart, trimOws(header, valueStart, to)));
      }
      from = to + 1;
    }
  }

  @Override
  public String toString() {
    return "JaegerPropagator";
  }
}
