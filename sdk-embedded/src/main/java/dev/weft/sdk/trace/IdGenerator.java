package dev.weft.sdk.trace;

/**
 * Creates trace and span ids. Implementations are called on application threads for every span:
 * thread-safe, fast, no locks. Ids must never be all zeros (that marks an invalid context).
 */
public interface IdGenerator {

  /** Random ids from {@link java.util.concurrent.ThreadLocalRandom}: no contention, no locks. */
  static IdGenerator random() {
    return RandomIdGenerator.INSTANCE;
  }

  /** A span id; never zero. */
  long generateSpanId();

  /** The upper 64 bits of a new trace id; may be zero. */
  long generateTraceIdHigh();

  /** The lower 64 bits of a new trace id; never zero, so the whole id never is. */
  long generateTraceIdLow();
}
