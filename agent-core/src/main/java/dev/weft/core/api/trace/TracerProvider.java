package dev.weft.core.api.trace;

import dev.weft.core.api.common.Attributes;

/** Hands out a {@link Tracer} per instrumentation scope (name and version). Thread-safe. */
public interface TracerProvider {

  /**
   * @param scopeName the instrumentation scope, e.g. {@code io.opentelemetry.java-http-client}
   * @param scopeVersion nullable
   */
  Tracer get(String scopeName, String scopeVersion);

  /**
   * A tracer for a scope that also names the schema of the semantic conventions it follows and
   * carries attributes (both exported with the scope). Providers that do not keep them ignore them.
   *
   * @param schemaUrl nullable
   * @param attributes nullable
   */
  default Tracer get(
      String scopeName, String scopeVersion, String schemaUrl, Attributes attributes) {
    return get(scopeName, scopeVersion);
  }
}
