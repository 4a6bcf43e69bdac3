package dev.weft.instrumentation.log4j.contextdata.v2_7;

import dev.weft.core.api.baggage.Baggage;
import dev.weft.core.api.logs.TraceContextKeys;
import dev.weft.core.api.trace.Span;
import dev.weft.core.api.trace.SpanContext;
import dev.weft.core.config.ConfigProperties;
import org.apache.logging.log4j.util.SortedArrayStringMap;
import org.apache.logging.log4j.util.StringMap;

/**
 * Adds the current span's ids (and, with {@code otel.instrumentation.log4j-context-data
 * .add-baggage}, the baggage as {@code baggage.<name>}) to an event's context data. Outside a span
 * (and without baggage to add) the map is returned untouched.
 */
public final class Log4jContextData {

  private static final ConfigProperties config = ConfigProperties.agent();
  private static final TraceContextKeys keys = TraceContextKeys.read(config);
  private static final boolean addBaggage =
      config.getBoolean("otel.instrumentation.log4j-context-data.add-baggage", false);

  private Log4jContextData() {}

  public static StringMap inject(StringMap contextData) {
    SpanContext span = Span.current().spanContext();
    Baggage baggage = addBaggage ? Baggage.current() : null;
    boolean withBaggage = baggage != null && !baggage.isEmpty();
    if (!span.isValid() && !withBaggage) {
      return contextData;
    }
    StringMap target = contextData;
    if (target == null || target.isFrozen()) {
      // The copy-on-write thread context hands out its own frozen map: copy it, never change it.
      target = target == null ? new SortedArrayStringMap() : new SortedArrayStringMap(target);
    }
    if (span.isValid()) {
      target.putValue(keys.traceId(), span.traceIdHex());
      target.putValue(keys.spanId(), span.spanIdHex());
      target.putValue(keys.traceFlags(), TraceContextKeys.flagsHex(span));
    }
    if (withBaggage) {
      for (int i = 0; i < baggage.size(); i++) {
        target.putValue("baggage." + baggage.nameAt(i), baggage.valueAt(i));
      }
    }
    return target;
  }
}
