package dev.weft.core.api.trace;

/** Creates spans for one instrumentation scope. Thread-safe. */
public interface Tracer {

  SpanBuilder spanBuilder(String spanName);
}
