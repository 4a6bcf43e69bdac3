package dev.weft.core.api.metrics;

import dev.weft.core.api.common.Attributes;

/**
 * The last {@code long} value set per series. Thread-safe; recording into an existing series takes
 * no lock and allocates nothing.
 */
public interface LongGauge {

  void set(long value);

  void set(long value, Attributes attributes);
}
