package dev.weft.core.api.metrics;

import dev.weft.core.api.common.Attributes;

/**
 * A sum of {@code long} increments that may be negative. Thread-safe; recording into an existing
 * series takes no lock and allocates nothing.
 */
public interface LongUpDownCounter {

  void add(long value);

  void add(long value, Attributes attributes);
}
