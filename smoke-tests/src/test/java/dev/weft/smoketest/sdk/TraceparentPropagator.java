package dev.weft.smoketest.sdk;

import dev.weft.bootstrap.context.Context;
import dev.weft.core.api.propagation.TextMapGetter;
import dev.weft.core.api.propagation.TextMapPropagator;
import dev.weft.core.api.propagation.TextMapSetter;
import dev.weft.core.api.trace.Span;
import dev.weft.core.api.trace.SpanContext;
import dev.weft.core.api.trace.TraceState;
import java.util.Collection;
import java.util.List;

/** W3C {@code traceparent} only, version 00, no validation beyond the shape: a test double. */
final class TraceparentPropagator implements TextMapPropagator {

  private static final String HEADER = "traceparent";

  @Override
  public Collection<String> fields() {
    return List.of(HEADER);
  }

  @Override
  public <C> void inject(Context context, C carrier, TextMapSetter<C> setter) {
    SpanContext span = Span.fromContext(context).spanContext();
    if (span.isValid()) {
      setter.set(carrier, HEADER, "00-" + span.traceIdHex() + "-" + span.spanIdHex() + "-01");
    }
  }

  @Override
  public <C> Context extract(Context context, C carrier, TextMapGetter<C> getter) {
    String value = getter.get(carrier, HEADER);
    if (value == null || value.length() != 55) {
      return context;
    }
    SpanContext remote =
        SpanContext.createFromRemoteParent(
            Long.parseUnsignedLong(value.substring(3, 19), 16),
            Long.parseUnsignedLong(value.substring(19, 35), 16),
            Long.parseUnsignedLong(value.substring(36, 52), 16),
            SpanContext.SAMPLED,
            TraceState.empty());
    return Span.wrap(remote).storeInContext(context);
  }
}
