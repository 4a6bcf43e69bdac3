package dev.weft.core.api.metrics;

import dev.weft.core.api.common.Attributes;

/**
 * What an asynchronous instrument's callback reports to: one value per attribute set (a later value
 * for the same set replaces the earlier). Valid only during the callback.
 */
public interface ObservableLongMeasurement {

  void record(long value);

  void record(long value, Attributes attributes);
}
