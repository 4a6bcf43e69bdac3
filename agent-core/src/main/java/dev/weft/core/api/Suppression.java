package dev.weft.core.api;

import dev.weft.bootstrap.context.Context;
import dev.weft.bootstrap.context.ContextKey;

/**
 * Marks a context in which no instrumentation may start telemetry: the exporters' own network calls
 * run under it so that exporting a span never produces another span.
 */
public final class Suppression {

  private static final ContextKey<Boolean> KEY = ContextKey.named("weft-suppress-instrumentation");

  private Suppression() {}

  /** {@code context} with instrumentation suppressed. */
  public static Context suppress(Context context) {
    return context.with(KEY, Boolean.TRUE);
  }

  public static boolean isSuppressed(Context context) {
    return context.get(KEY) != null;
  }
}
