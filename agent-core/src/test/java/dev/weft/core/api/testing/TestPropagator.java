package dev.weft.core.api.testing;

import dev.weft.bootstrap.context.Context;
import dev.weft.core.api.propagation.TextMapGetter;
import dev.weft.core.api.propagation.TextMapPropagator;
import dev.weft.core.api.propagation.TextMapSetter;
import dev.weft.core.api.trace.Span;
import dev.weft.core.api.trace.SpanContext;
import dev.weft.core.api.trace.TraceState;
import java.util.Collection;
import java.util.List;

/**
 * Test-only propagator with one header, {@code x-test-parent: <32 hex trace id>-<16 hex span id>}:
 * enough to see that extraction and injection happen, without the W3C rules.
 */
public final class TestPropagator implements TextMapPropagator {

  public static final String HEADER = "x-test-parent";

  @Override
  public Collection<String> fields() {
    return List.of(HEADER);
  }

  @Override
  public <C> void inject(Context context, C carrier, TextMapSetter<C> setter) {
    SpanContext span = Span.fromContext(context).spanContext();
    if (span.isValid()) {
      setter.set(carrier, HEADER, span.traceIdHex() + "-" + span.spanIdHex());
    }
  }

  @Override
  public <C> Context extract(Context context, C carrier, TextMapGetter<C> getter) {
    String value = getter.get(carrier, HEADER);
    if (value == null || value.length() != 49 || value.charAt(32) != '-') {
      return context;
    }
    SpanContext remote =
        SpanContext.createFromRemoteParent(
            Long.parseUnsignedLong(value.substring(0, 16), 16),
            Long.parseUnsignedLong(value.substring(16, 32), 16),
            Long.parseUnsignedLong(value.substring(33), 16),
            SpanContext.SAMPLED,
            TraceState.empty());
    return Span.wrap(remote).storeInContext(context);
  }
}
