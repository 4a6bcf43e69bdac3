package dev.weft.sdk.propagation;

import dev.weft.core.api.propagation.Propagators;
import dev.weft.core.api.propagation.TextMapPropagator;
import java.util.List;

/**
 * PLACEHOLDER, replaced by the propagator work (W3C trace context, baggage, B3, Jaeger) when the
 * branches merge: only the signature of {@link #create} is relied on by {@code EmbeddedSdk}.
 */
public final class PropagatorFactory {

  private PropagatorFactory() {}

  /** The propagator for {@code otel.propagators}; this placeholder propagates nothing. */
  public static TextMapPropagator create(List<String> names) {
    return Propagators.noop();
  }
}
