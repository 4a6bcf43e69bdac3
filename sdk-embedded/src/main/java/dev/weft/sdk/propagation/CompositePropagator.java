package dev.weft.sdk.propagation;

import dev.weft.bootstrap.context.Context;
import dev.weft.core.api.propagation.TextMapGetter;
import dev.weft.core.api.propagation.TextMapPropagator;
import dev.weft.core.api.propagation.TextMapSetter;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Several propagators as one ({@code otel.propagators=tracecontext,baggage,...}). Injection runs
 * each in order; extraction runs each in order on the result of the previous one, so a later
 * propagator's span context wins when several formats are present. {@link #fields()} is the union,
 * in order, without repeats.
 *
 * <p>Immutable and thread-safe. Never throws, even if a member does.
 */
public final class CompositePropagator implements TextMapPropagator {

  private final TextMapPropagator[] propagators;
  private final Collection<String> fields;

  private CompositePropagator(TextMapPropagator[] propagators) {
    this.propagators = propagators;
    Set<String> union = new LinkedHashSet<>();
    for (TextMapPropagator propagator : propagators) {
      union.addAll(propagator.fields());
    }
    this.fields = Collections.unmodifiableList(new ArrayList<>(union));
  }

  /** A propagator running {@code propagators} in order; null members are left out. */
  public static CompositePropagator of(List<? extends TextMapPropagator> propagators) {
    List<TextMapPropagator> members = new ArrayList<>();
    for (TextMapPropagator propagator : propagators) {
      if (propagator != null) {
        members.add(propagator);
      }
    }
    return new CompositePropagator(members.toArray(new TextMapPropagator[0]));
  }

  @Override
  public Collection<String> fields() {
    return fields;
  }

  @Override
  public <C> void inject(Context context, C carrier, TextMapSetter<C> setter) {
    for (TextMapPropagator propagator : propagators) {
      try {
        propagator.inject(context, carrier, setter);
      } catch (Throwable error) {
        PropagationLog.failed(propagator + " inject", error);
      }
    }
  }

  @Override
  public <C> Context extract(Context context, C carrier, TextMapGetter<C> getter) {
    Context result = context == null ? Context.root() : context;
    for (TextMapPropagator propagator : propagators) {
      try {
        Context extracted = propagator.extract(result, carrier, getter);
        if (extracted != null) {
          result = extracted;
        }
      } catch (Throwable error) {
        PropagationLog.failed(propagator + " extract", error);
      }
    }
    return result;
  }

  @Override
  public String toString() {
    StringBuilder out = new StringBuilder("CompositePropagator{");
    for (int i = 0; i < propagators.length; i++) {
      out.append(i == 0 ? "" : ", ").append(propagators[i]);
    }
    return out.append('}').toString();
  }
}
