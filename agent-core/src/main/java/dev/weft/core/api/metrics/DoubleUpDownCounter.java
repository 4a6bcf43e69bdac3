package dev.weft.core.api.metrics;

import dev.weft.core.api.common.Attributes;

/**
 * A sum of {@code double} increments that may be negative. Thread-safe; recording into an existing
 * series takes no lock and allocates nothing.
 */
public interface DoubleUpDownCounter {

  void add(double value);

  void add(double value, Attributes attributes);
}
