package dev.weft.core.api.trace;

/** Hands out a {@link Tracer} per instrumentation scope (name and version). Thread-safe. */
public interface TracerProvider {

  /**
   * @param scopeName the instrumentation scope, e.g. {@code io.opentelemetry.java-http-client}
   * @param scopeVersion nullable
   */
  Tracer get(String scopeName, String scopeVersion);
}
