package dev.weft.core.api.metrics;

import dev.weft.core.api.common.Attributes;

/**
 * A monotonic sum of {@code long} increments; negative values are ignored. Thread-safe; recording
 * into an existing series takes no lock and allocates nothing.
 */
public interface LongCounter {

  void add(long value);

  void add(long value, Attributes attributes);
}
