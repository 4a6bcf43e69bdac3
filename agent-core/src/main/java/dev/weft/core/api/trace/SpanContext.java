package dev.weft.core.api.trace;

/**
 * The identity of a span that crosses process boundaries: trace id (128 bits, as two longs), span
 * id (64 bits), trace flags, trace state, and whether it came from a remote parent. Immutable. A
 * trace id of all zeros or a span id of zero makes the context invalid.
 */
public final class SpanContext {

  /** The flag bit that marks a sampled trace. */
  public static final byte SAMPLED = 0x01;

  private static final SpanContext INVALID =
      new SpanContext(0, 0, 0, (byte) 0, TraceState.empty(), false);
  private static final char[] BYTE_HEX = byteHexTable();

  private final long traceIdHigh;
  private final long traceIdLow;
  private final long spanId;
  private final byte flags;
  private final TraceState traceState;
  private final boolean remote;

  private SpanContext(
      long traceIdHigh,
      long traceIdLow,
      long spanId,
      byte flags,
      TraceState traceState,
      boolean remote) {
    this.traceIdHigh = traceIdHigh;
    this.traceIdLow = traceIdLow;
    this.spanId = spanId;
    this.flags = flags;
    this.traceState = traceState;
    this.remote = remote;
  }

  private static char[] byteHexTable() {
    char[] digits = "0123456789abcdef".toCharArray();
    char[] table = new char[512];
    for (int b = 0; b < 256; b++) {
      table[b * 2] = digits[b >>> 4];
      table[b * 2 + 1] = digits[b & 0xF];
    }
    return table;
  }

  public static SpanContext invalid() {
    return INVALID;
  }

  /** A context created in this process. */
  public static SpanContext create(
      long traceIdHigh, long traceIdLow, long spanId, byte flags, TraceState traceState) {
    return new SpanContext(traceIdHigh, traceIdLow, spanId, flags, traceState, false);
  }

  /** A context extracted from an incoming request. */
  public static SpanContext createFromRemoteParent(
      long traceIdHigh, long traceIdLow, long spanId, byte flags, TraceState traceState) {
    return new SpanContext(traceIdHigh, traceIdLow, spanId, flags, traceState, true);
  }

  public long traceIdHigh() {
    return traceIdHigh;
  }

  public long traceIdLow() {
    return traceIdLow;
  }

  public long spanId() {
    return spanId;
  }

  public byte flags() {
    return flags;
  }

  public TraceState traceState() {
    return traceState;
  }

  public boolean isRemote() {
    return remote;
  }

  public boolean isSampled() {
    return (flags & SAMPLED) != 0;
  }

  public boolean isValid() {
    return (traceIdHigh != 0 || traceIdLow != 0) && spanId != 0;
  }

  /** 32 lower-case hex characters. */
  public String traceIdHex() {
    char[] out = new char[32];
    writeHex(traceIdHigh, out, 0);
    writeHex(traceIdLow, out, 16);
    return new String(out);
  }

  /** 16 lower-case hex characters. */
  public String spanIdHex() {
    char[] out = new char[16];
    writeHex(spanId, out, 0);
    return new String(out);
  }

  /** Writes {@code value} as 16 lower-case hex characters at {@code offset}. */
  public static void writeHex(long value, char[] out, int offset) {
    // A byte at a time from a 256-entry table: half the steps of a nibble loop on a hot path
    // (every injected header, every console line).
    for (int i = 14; i >= 0; i -= 2) {
      int index = ((int) value & 0xFF) << 1;
      out[offset + i] = BYTE_HEX[index];
      out[offset + i + 1] = BYTE_HEX[index + 1];
      value >>>= 8;
    }
  }

  @Override
  public boolean equals(Object other) {
    if (!(other instanceof SpanContext)) {
      return false;
    }
    SpanContext that = (SpanContext) other;
    return traceIdHigh == that.traceIdHigh
        && traceIdLow == that.traceIdLow
        && spanId == that.spanId
        && flags == that.flags
        && remote == that.remote
        && traceState.equals(that.traceState);
  }

  @Override
  public int hashCode() {
    return Long.hashCode(traceIdHigh * 31 + traceIdLow) * 31 + Long.hashCode(spanId);
  }

  @Override
  public String toString() {
    return "SpanContext{"
        + traceIdHex()
        + "/"
        + spanIdHex()
        + " flags="
        + flags
        + (remote ? " remote" : "")
        + (traceState.isEmpty() ? "" : " state=" + traceState)
        + "}";
  }
}
