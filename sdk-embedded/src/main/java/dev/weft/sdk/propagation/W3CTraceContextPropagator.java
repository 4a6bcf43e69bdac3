package dev.weft.sdk.propagation;

import dev.weft.bootstrap.context.Context;
import dev.weft.core.api.propagation.TextMapGetter;
import dev.weft.core.api.propagation.TextMapPropagator;
import dev.weft.core.api.propagation.TextMapSetter;
import dev.weft.core.api.trace.Span;
import dev.weft.core.api.trace.SpanContext;
import dev.weft.core.api.trace.TraceState;
import java.nio.charset.StandardCharsets;
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
 * spec advises. Nothing is written for an invalid span context. Each thread formats into its own
 * buffer, which keeps the digits of the ids it last wrote.
 *
 * <p>Thread-safe; its only state is the per-thread buffer. Never throws; a malformed header is
 * ignored with at most one rate-limited DEBUG line.
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

  private static final ThreadLocal<HeaderBuffer> BUFFER =
      ThreadLocal.withInitial(HeaderBuffer::new);

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
    // One ASCII buffer per thread: the header String (a straight copy of Latin-1 bytes) is then
    // the only allocation per injection. The buffer keeps the digits of the ids it last held and
    // only ids that changed are formatted: a request that calls out several times injects one
    // trace id again and again, and formatting all three longs is a third of an injection's time
    // (measured against PropagationBenchmark's three cases).
    HeaderBuffer buffer = BUFFER.get();
    byte[] out = buffer.ascii;
    long high = spanContext.traceIdHigh();
    long low = spanContext.traceIdLow();
    if (high != buffer.traceIdHigh || low != buffer.traceIdLow) {
      Hex.writeLong(high, out, TRACE_ID);
      Hex.writeLong(low, out, TRACE_ID + 16);
      buffer.traceIdHigh = high;
      buffer.traceIdLow = low;
    }
    long spanId = spanContext.spanId();
    if (spanId != buffer.spanId) {
      Hex.writeLong(spanId, out, SPAN_ID);
      buffer.spanId = spanId;
    }
    int flags = spanContext.flags() & KNOWN_FLAGS;
    out[FLAGS + 1] = (byte) ('0' + flags); // KNOWN_FLAGS fit the second digit; the first stays 0
    return asciiString(out);
  }

  // The ASCII constructor copies the bytes as they are; on JDK 17 the Charset one goes through the
  // decoder's thread-local result first (measured: PropagationBenchmark.weftInject).
  @SuppressWarnings("deprecation")
  private static String asciiString(byte[] ascii) {
    return new String(ascii, 0, 0, ascii.length);
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
  private static SpanContext parse(String s, String tracestate) {
    // One pass: each hex field is checked (any non-digit makes `bad` negative) while it is parsed.
    int length = s.length();
    int bad = length < LENGTH ? -1 : 0;
    if (bad == 0) {
      int v0 = Hex.digit(s.charAt(0));
      int v1 = Hex.digit(s.charAt(1));
      bad = v0 | v1 | (v0 == 0xf && v1 == 0xf ? -1 : 0);
      if (length > LENGTH && ((v0 | v1) == 0 || s.charAt(LENGTH) != '-')) {
        bad = -1; // 00 has exactly four fields; later versions only add "-..." fields
      }
    }
    if (bad < 0
        || s.charAt(2) != '-'
        || s.charAt(SPAN_ID - 1) != '-'
        || s.charAt(FLAGS - 1) != '-') {
      PropagationLog.malformed(TRACEPARENT);
      return null;
    }
    long high = 0;
    long low = 0;
    long spanId = 0;
    for (int i = TRACE_ID; i < TRACE_ID + 16; i++) {
      int d = Hex.digit(s.charAt(i));
      bad |= d;
      high = (high << 4) | d;
    }
    for (int i = TRACE_ID + 16; i < TRACE_ID + 32; i++) {
      int d = Hex.digit(s.charAt(i));
      bad |= d;
      low = (low << 4) | d;
    }
    for (int i = SPAN_ID; i < SPAN_ID + 16; i++) {
      int d = Hex.digit(s.charAt(i));
      bad |= d;
      spanId = (spanId << 4) | d;
    }
    int f0 = Hex.digit(s.charAt(FLAGS));
    int f1 = Hex.digit(s.charAt(FLAGS + 1));
    bad |= f0 | f1;
    if (bad < 0 || (high == 0 && low == 0) || spanId == 0) {
      PropagationLog.malformed(TRACEPARENT);
      return null;
    }
    byte flags = (byte) ((f0 << 4) | f1);
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

  @Override
  public String toString() {
    return "W3CTraceContextPropagator";
  }

  /**
   * One thread's {@code traceparent} bytes and the ids whose digits they hold. Starts as the
   * all-zero header, which is exactly the digits of ids 0, so the fields start at 0.
   * Thread-confined.
   */
  private static final class HeaderBuffer {
    // "00-", then the dashes between the fields; the ids and flags are written over the rest.
    final byte[] ascii =
        "00-00000000000000000000000000000000-0000000000000000-00"
            .getBytes(StandardCharsets.ISO_8859_1);
    long traceIdHigh;
    long traceIdLow;
    long spanId;
  }
}
