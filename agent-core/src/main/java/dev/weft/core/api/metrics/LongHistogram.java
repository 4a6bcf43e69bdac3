package dev.weft.core.api.metrics;

import dev.weft.bootstrap.context.Context;
import dev.weft.core.api.common.Attributes;

/**
 * A distribution of {@code long} values (negative values are ignored). Thread-safe; recording into
 * an existing series takes no lock and allocates nothing.
 */
public interface LongHistogram {

  void record(long value);

  void record(long value, Attributes attributes);

  /**
   * Records with {@code context} as the measurement's context: a sampled span in it may become the
   * point's exemplar. The other overloads use the current context.
   */
  void record(long value, Attributes attributes, Context context);
}
