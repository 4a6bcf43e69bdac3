package dev.weft.core.api.propagation;

import dev.weft.bootstrap.context.Context;
import java.util.Collection;
import java.util.Collections;

/** Factory for the propagators every build has. */
public final class Propagators {

  private static final TextMapPropagator NOOP =
      new TextMapPropagator() {
        @Override
        public Collection<String> fields() {
          return Collections.emptyList();
        }

        @Override
        public <C> void inject(Context context, C carrier, TextMapSetter<C> setter) {}

        @Override
        public <C> Context extract(Context context, C carrier, TextMapGetter<C> getter) {
          return context;
        }

        @Override
        public String toString() {
          return "none";
        }
      };

  private Propagators() {}

  /** Injects nothing, extracts nothing ({@code otel.propagators=none}). */
  public static TextMapPropagator noop() {
    return NOOP;
  }
}
