package dev.weft.core.api.metrics;

import dev.weft.core.api.common.Attributes;

/**
 * A monotonic sum of {@code double} increments; negative values are ignored. Thread-safe; recording
 * into an existing series takes no lock and allocates nothing.
 */
public interface DoubleCounter {

  void add(double value);

  void add(double value, Attributes attributes);
}
