package dev.weft.core.api.propagation;

import dev.weft.bootstrap.context.Context;
import java.util.Collection;

/**
 * Injects a context into outgoing carriers and extracts one from incoming carriers, in one wire
 * format (W3C trace context, W3C baggage, B3, Jaeger). Thread-safe; never throws: a malformed
 * header is ignored and the context returned unchanged.
 */
public interface TextMapPropagator {

  /**
   * The header names this propagator reads and writes, spelled as it writes them: lower case,
   * except where a format fixes another spelling that case-sensitive carriers must match ({@code
   * X-B3-TraceId}).
   */
  Collection<String> fields();

  <C> void inject(Context context, C carrier, TextMapSetter<C> setter);

  <C> Context extract(Context context, C carrier, TextMapGetter<C> getter);
}
