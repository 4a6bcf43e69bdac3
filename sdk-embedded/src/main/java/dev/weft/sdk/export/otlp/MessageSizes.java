package dev.weft.sdk.export.otlp;

import java.util.Arrays;

/**
 * The encoded sizes of nested messages, recorded by the sizing pass in the order the writing pass
 * needs them. A message reserves its slot before its children do, so both passes visit slots in the
 * same pre-order. One instance per request; not thread-safe.
 */
final class MessageSizes {

  private int[] sizes;
  private int count;
  private int cursor;

  MessageSizes(int expected) {
    sizes = new int[Math.max(16, expected)];
  }

  /** A slot for a message whose size is known only after its children are sized. */
  int reserve() {
    if (count == sizes.length) {
      sizes = Arrays.copyOf(sizes, count * 2);
    }
    return count++;
  }

  void set(int slot, int size) {
    sizes[slot] = size;
  }

  /** The next size in write order. */
  int next() {
    return sizes[cursor++];
  }

  /** True when the writing pass consumed exactly what the sizing pass recorded. */
  boolean fullyConsumed() {
    return cursor == count;
  }
}
