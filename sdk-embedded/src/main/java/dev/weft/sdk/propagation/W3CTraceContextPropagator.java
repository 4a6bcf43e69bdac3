package dev.weft.sdk.propagation;

import dev.weft.bootstrap.context.Context;
import dev.weft.core.api.propagation.TextMapGetter;
import dev.weft.core.api.propagation.TextMapPropagator;
import dev.weft.core.api.propagation.TextMapSetter;
import dev.weft.core.api.trace.Span;
import dev.weft.core.api.trace.SpanContext;
import dev.weft.core.api.trace.TraceState;
import java.util.Collection;
import java.util.List;

/**
 * W3C Trace Context ({@code otel.propagators=tracecontext}): the {@code traceparent} and {@code
 * tracestate} headers, https://www.w3.org/TR/trace-context/.
 *
 * <p>Extraction is strict. {@code traceparent} version {@code 00} must be exactly 55 characters; a
 * higher version (any but {@code ff}) is read for its first four fields when it is at least 55
 * characters and, if longer, has a {@code -} at position 55. Ids and flags are lower-case hex;
 * all-zero ids are invalid. An invalid {@code traceparent} is ignored and {@code tracestate} is
 * then not read; an invalid {@code tracestate} (see {@link TraceStateCodec}) is dropped as a whole
 * while the {@code traceparent} is kept. The extracted context carries all eight flag bits.
 *
 * <p>Injection writes version {@code 00} with the sampled and random-trace-id flags only (the spec
 * requires other bits to be sent as zero) and the trace state, truncated to 512 characters as the
 * spec advises. Nothing is written for an invalid span context.
 *
 * <p>Thread-safe and stateless. Never throws; a malformed header is ignored with at most one
 * rate-limited DEBUG line.
 */
public final class W3CTraceContextPropagator implements TextMapPropagator {

  static final String TRACEPARENT = "traceparent";
  static final String TRACESTATE = "tracestate";

  private static final W3CTraceContextPropagator INSTANCE = new W3CTraceContextPropagator();
  private static final List<String> FIELDS = List.of(TRACEPARENT, TRACESTATE);
  private static final int LENGTH = 55;
  private static final int TRACE_ID = 3;
  private static final int SPAN_ID = 36;
  private static final int FLAGS = 53;
  // Sampled (level 1) and random-trace-id (level 2); other bits are reserved and sent as zero.
  private static final int KNOWN_FLAGS = 0x03;

  private W3CTraceContextPropagator() {}

  public static W3CTraceContextPropagator getInstance() {
    return INSTANCE;
  }

  @Override
  public Collection<String> fields() {
    return FIELDS;
  }

  private static final ThreadLocal<char[]> BUFFER = ThreadLocal.withInitial(() -> new char[LENGTH]);

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
      setter.set(carrier, TRACEPARENT, traceparent(spanContext));
      String traceState = TraceStateCodec.toHeader(spanContext.traceState());
      if (!traceState.isEmpty()) {
        setter.set(carrier, TRACESTATE, traceState);
      }
    } catch (Throwable error) {
      PropagationLog.failed("tracecontext inject", error);
    }
  }

  private static String traceparent(SpanContext spanContext) {
    // One buffer per thread: the header String is then the only allocation per injection.
    char[] out = BUFFER.get();
    out[0] = '0';
    out[1] = '0';
    out[2] = '-';
    SpanContext.writeHex(spanContext.traceIdHigh(), out, TRACE_ID);
    SpanContext.writeHex(spanContext.traceIdLow(), out, TRACE_ID + 16);
    out[SPAN_ID - 1] = '-';
    SpanContext.writeHex(spanContext.spanId(), out, SPAN_ID);
    out[FLAGS - 1] = '-';
    Hex.writeByte(spanContext.flags() & KNOWN_FLAGS, out, FLAGS);
    return new String(out);
  }

  @Override
  public <C> Context extract(Context context, C carrier, TextMapGetter<C> getter) {
    Context base = context == null ? Context.root() : context;
    if (getter == null) {
      return base;
    }
    try {
      String traceparent = getter.get(carrier, TRACEPARENT);
      if (traceparent == null) {
        return base;
      }
      SpanContext parent = parse(traceparent, getter.get(carrier, TRACESTATE));
      return parent == null ? base : Span.wrap(parent).storeInContext(base);
    } catch (Throwable error) {
      PropagationLog.failed("tracecontext extract", error);
      return base;
    }
  }

  /** The remote parent in the headers, or null when {@code traceparent} is invalid. */
  private static SpanContext parse(String traceparent, String tracestate) {
    if (!isWellFormed(traceparent)) {
      PropagationLog.malformed(TRACEPARENT);
      return null;
    }
    long high = Hex.parse(traceparent, TRACE_ID, TRACE_ID + 16);
    long low = Hex.parse(traceparent, TRACE_ID + 16, TRACE_ID + 32);
    long spanId = Hex.parse(traceparent, SPAN_ID, SPAN_ID + 16);
    if ((high == 0 && low == 0) || spanId == 0) {
      PropagationLog.malformed(TRACEPARENT);
      return null;
    }
    byte flags = (byte) Hex.parse(traceparent, FLAGS, FLAGS + 2);
    return SpanContext.createFromRemoteParent(high, low, spanId, flags, traceState(tracestate));
  }

  private static TraceState traceState(String header) {
    if (header == null) {
      return TraceState.empty();
    }
    TraceState state = TraceStateCodec.parse(header);
    if (state == null) {
      PropagationLog.malformed(TRACESTATE);
      return TraceState.empty();
    }
    return state;
  }

  /** Version, lengths, dashes and hex digits; the all-zero checks come after parsing. */
  private static boolean isWellFormed(String s) {
    int length = s.length();
    if (length < LENGTH) {
      return false;
    }
    char v0 = s.charAt(0);
    char v1 = s.charAt(1);
    if (!Hex.isLowerHex(v0) || !Hex.isLowerHex(v1) || (v0 == 'f' && v1 == 'f')) {
      return false;
    }
    boolean version00 = v0 == '0' && v1 == '0';
    if (length > LENGTH && (version00 || s.charAt(LENGTH) != '-')) {
      return false; // 00 has exactly four fields; later versions only add "-..." fields
    }
    return s.charAt(2) == '-'
        && s.charAt(SPAN_ID - 1) == '-'
        && s.charAt(FLAGS - 1) == '-'
        && Hex.isLowerHex(s, TRACE_ID, TRACE_ID + 32)
        && Hex.isLowerHex(s, SPAN_ID, SPAN_ID + 16)
        && Hex.isLowerHex(s, FLAGS, FLAGS + 2);
  }

  @Override
  public String toString() {
    return "W3CTraceContextPropagator";
  }
}
