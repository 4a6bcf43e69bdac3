package dev.weft.sdk.trace;

import java.util.concurrent.ThreadLocalRandom;

/**
 * Ids from {@link ThreadLocalRandom}. Not cryptographically strong, and need not be: W3C trace
 * context asks for uniqueness, and the ratio sampler only needs the lower 64 bits to be uniform.
 */
enum RandomIdGenerator implements IdGenerator {
  INSTANCE;

  @Override
  public long generateSpanId() {
    return nonZero();
  }

  @Override
  public long generateTraceIdHigh() {
    return ThreadLocalRandom.current().nextLong();
  }

  @Override
  public long generateTraceIdLow() {
    return nonZero();
  }

  private static long nonZero() {
    ThreadLocalRandom random = ThreadLocalRandom.current();
    long id;
    do {
      id = random.nextLong();
    } while (id == 0);
    return id;
  }

  @Override
  public String toString() {
    return "RandomIdGenerator";
  }
}
