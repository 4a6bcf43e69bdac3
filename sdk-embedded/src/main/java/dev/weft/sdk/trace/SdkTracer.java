package dev.weft.sdk.trace;

import dev.weft.core.api.trace.SpanBuilder;
import dev.weft.core.api.trace.Tracer;
import dev.weft.sdk.common.InstrumentationScope;

/** Creates spans for one instrumentation scope. Thread-safe. */
final class SdkTracer implements Tracer {

  /** What the official SDK names a span that was given no name. */
  static final String FALLBACK_SPAN_NAME = "<unspecified span name>";

  private final TracerSharedState shared;
  private final InstrumentationScope scope;

  SdkTracer(TracerSharedState shared, InstrumentationScope scope) {
    this.shared = shared;
    this.scope = scope;
  }

  @Override
  public SpanBuilder spanBuilder(String spanName) {
    String name = spanName == null || spanName.isBlank() ? FALLBACK_SPAN_NAME : spanName;
    return new SdkSpanBuilder(shared, scope, name);
  }

  InstrumentationScope scope() {
    return scope;
  }

  @Override
  public String toString() {
    return "SdkTracer{" + scope + "}";
  }
}
