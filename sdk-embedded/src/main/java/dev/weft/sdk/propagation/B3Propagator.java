package dev.weft.sdk.propagation;

import dev.weft.bootstrap.context.Context;
import dev.weft.bootstrap.context.ContextKey;
import dev.weft.core.api.propagation.TextMapGetter;
import dev.weft.core.api.propagation.TextMapPropagator;
import dev.weft.core.api.propagation.TextMapSetter;
import dev.weft.core.api.trace.Span;
import dev.weft.core.api.trace.SpanContext;
import dev.weft.core.api.trace.TraceState;
import java.util.Collection;
import java.util.List;

/**
 * Zipkin B3 (https://github.com/openzipkin/b3-propagation): {@code otel.propagators=b3} injects the
 * single {@code b3} header, {@code b3multi} the {@code X-B3-*} headers. Both extract either form,
 * the single header first (the multi headers are tried when it is absent or invalid).
 *
 * <ul>
 *   <li>Single: {@code {trace-id}-{span-id}[-{sampling}[-{parent-span-id}]]}, trace id 16 or 32
 *       lower-case hex (64-bit ids are left-padded), span and parent ids 16, sampling {@code 1},
 *       {@code 0} or {@code d} (debug, which means sampled). A sampling-only header ({@code b3: 0})
 *       carries no span context and is ignored.
 *   <li>Multi: {@code X-B3-TraceId}, {@code X-B3-SpanId} (same id rules), {@code X-B3-Sampled}
 *       ({@code 1}/{@code 0}, and the legacy {@code true}/{@code false}), {@code X-B3-Flags: 1}
 *       (debug, which means sampled). {@code X-B3-ParentSpanId} is not read.
 * </ul>
 *
 * <p>Anything else (upper-case hex, all-zero ids, another sampling value) makes the header invalid
 * and it is ignored. A missing sampling decision extracts as not sampled. Debug is remembered in
 * the context and injected again as {@code d} or {@code X-B3-Flags: 1} (without {@code
 * X-B3-Sampled}, which the spec says debug implies). The multi headers keep the spec's casing
 * ({@code X-B3-TraceId}), which case-sensitive carriers such as message headers need to match other
 * agents.
 *
 * <p>Thread-safe and stateless. Never throws; a malformed header is ignored with at most one
 * rate-limited DEBUG line.
 */
public final class B3Propagator implements TextMapPropagator {

  static final String B3 = "b3";
  // The B3 spec's casing, as Zipkin and the official SDK write it: HTTP names are
  // case-insensitive, but message headers (Kafka, JMS) are not, and must match across agents.
  static final String TRACE_ID = "X-B3-TraceId";
  static final String SPAN_ID = "X-B3-SpanId";
  static final String SAMPLED = "X-B3-Sampled";
  static final String FLAGS = "X-B3-Flags";

  private static final ContextKey<Boolean> DEBUG = ContextKey.named("weft-b3-debug");
  private static final List<String> FIELDS = List.of(B3, TRACE_ID, SPAN_ID, SAMPLED, FLAGS);
  private static final B3Propagator SINGLE = new B3Propagator(true);
  private static final B3Propagator MULTI = new B3Propagator(false);

  private final boolean singleHeader;

  private B3Propagator(boolean singleHeader) {
    this.singleHeader = singleHeader;
  }

  /** Injects the single {@code b3} header ({@code otel.propagators=b3}). */
  public static B3Propagator injectingSingleHeader() {
    return SINGLE;
  }

  /** Injects the {@code X-B3-*} headers ({@code otel.propagators=b3multi}). */
  public static B3Propagator injectingMultiHeaders() {
    return MULTI;
  }

  /** Every header read or written: {@code b3} and the {@code X-B3-*} headers. */
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
      if (!spanContext.isValid()) {
        return;
      }
      boolean debug = Boolean.TRUE.equals(context.get(DEBUG));
      if (singleHeader) {
        setter.set(carrier, B3, singleHeader(spanContext, debug));
      } else {
        setter.set(carrier, TRACE_ID, spanContext.traceIdHex());
        setter.set(carrier, SPAN_ID, spanContext.spanIdHex());
        if (debug) {
          setter.set(carrier, FLAGS, "1");
        } else {
          setter.set(carrier, SAMPLED, spanContext.isSampled() ? "1" : "0");
        }
      }
    } catch (Throwable error) {
      PropagationLog.failed("b3 inject", error);
    }
  }

  private static String singleHeader(SpanContext spanContext, boolean debug) {
    char[] out = new char[32 + 1 + 16 + 2];
    SpanContext.writeHex(spanContext.traceIdHigh(), out, 0);
    SpanContext.writeHex(spanContext.traceIdLow(), out, 16);
    out[32] = '-';
    SpanContext.writeHex(spanContext.spanId(), out, 33);
    out[49] = '-';
    out[50] = debug ? 'd' : spanContext.isSampled() ? '1' : '0';
    return new String(out);
  }

  @Override
  public <C> Context extract(Context context, C carrier, TextMapGetter<C> getter) {
    Context base = context == null ? Context.root() : context;
    if (getter == null) {
      return base;
    }
    try {
      String single = getter.get(carrier, B3);
      if (single != null) {
        Context extracted = extractSingle(base, single);
        if (extracted != null) {
          return extracted;
        }
      }
      Context extracted = extractMulti(base, carrier, getter);
      return extracted == null ? base : extracted;
    } catch (Throwable error) {
      PropagationLog.failed("b3 extract", error);
      return base;
    }
  }

  /** The context with the single header's span context, or null when it has none or is invalid. */
  private static Context extractSingle(Context base, String header) {
    int length = header.length();
    if (length <= 1) {
      return null; // a bare sampling decision carries no ids
    }
    int traceIdEnd = header.indexOf('-');
    int spanIdEnd = traceIdEnd + 17;
    boolean wellFormed =
        (traceIdEnd == 16 || traceIdEnd == 32)
            && spanIdEnd <= length
            && isValidId(header, 0, traceIdEnd)
            && isValidId(header, traceIdEnd + 1, spanIdEnd);
    if (!wellFormed) {
      PropagationLog.malformed(B3);
      return null;
    }
    char sampling = '0';
    if (length > spanIdEnd) {
      boolean tailWellFormed =
          header.charAt(spanIdEnd) == '-'
              && length > spanIdEnd + 1
              && isSamplingState(sampling = header.charAt(spanIdEnd + 1))
              && (length == spanIdEnd + 2 || isParent(header, spanIdEnd + 2));
      if (!tailWellFormed) {
        PropagationLog.malformed(B3);
        return null;
      }
    }
    return store(base, header, 0, traceIdEnd, header, traceIdEnd + 1, sampling);
  }

  private static boolean isSamplingState(char c) {
    return c == '0' || c == '1' || c == 'd';
  }

  private static boolean isParent(String header, int dash) {
    return header.length() == dash + 17
        && header.charAt(dash) == '-'
        && Hex.isLowerHex(header, dash + 1, dash + 17);
  }

  private static <C> Context extractMulti(Context base, C carrier, TextMapGetter<C> getter) {
    String traceId = getter.get(carrier, TRACE_ID);
    String spanId = getter.get(carrier, SPAN_ID);
    if (traceId == null || spanId == null) {
      return null;
    }
    char sampling = samplingState(getter.get(carrier, SAMPLED), getter.get(carrier, FLAGS));
    int traceIdLength = traceId.length();
    boolean wellFormed =
        (traceIdLength == 16 || traceIdLength == 32)
            && spanId.length() == 16
            && isValidId(traceId, 0, traceIdLength)
            && isValidId(spanId, 0, 16)
            && sampling != 0;
    if (!wellFormed) {
      PropagationLog.malformed("X-B3-*");
      return null;
    }
    return store(base, traceId, 0, traceIdLength, spanId, 0, sampling);
  }

  /** {@code '1'}, {@code '0'} or {@code 'd'}; 0 when either header holds an unknown value. */
  private static char samplingState(String sampled, String flags) {
    boolean debug = "1".equals(flags);
    if (!debug && flags != null && !"0".equals(flags)) {
      return 0;
    }
    if (sampled == null || "0".equals(sampled) || "false".equals(sampled)) {
      return debug ? 'd' : '0';
    }
    if ("1".equals(sampled) || "true".equals(sampled)) {
      return debug ? 'd' : '1';
    }
    return 0;
  }

  /** Lower-case hex and not all zeros. */
  private static boolean isValidId(String s, int from, int to) {
    if (!Hex.isLowerHex(s, from, to)) {
      return false;
    }
    for (int i = from; i < to; i++) {
      if (s.charAt(i) != '0') {
        return true;
      }
    }
    return false;
  }

  private static Context store(
      Context base, String traceId, int from, int to, String spanId, int spanFrom, char sampling) {
    SpanContext parent =
        SpanContext.createFromRemoteParent(
            Hex.traceIdHigh(traceId, from, to),
            Hex.traceIdLow(traceId, from, to),
            Hex.parse(spanId, spanFrom, spanFrom + 16),
            sampling == '0' ? 0 : SpanContext.SAMPLED,
            TraceState.empty());
    Context extracted = Span.wrap(parent).storeInContext(base);
    if (sampling == 'd') {
      return extracted.with(DEBUG, Boolean.TRUE);
    }
    // A debug mark left in the base context belongs to some earlier trace, not this one.
    return extracted.get(DEBUG) == null ? extracted : extracted.with(DEBUG, null);
  }

  @Override
  public String toString() {
    return singleHeader ? "B3Propagator{single header}" : "B3Propagator{multiple headers}";
  }
}
