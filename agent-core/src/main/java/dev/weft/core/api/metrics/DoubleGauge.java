package dev.weft.core.api.metrics;

import dev.weft.core.api.common.Attributes;

/**
 * The last {@code double} value set per series. Thread-safe; recording into an existing series
 * takes no lock and allocates nothing.
 */
public interface DoubleGauge {

  void set(double value);

  void set(double value, Attributes attributes);
}
