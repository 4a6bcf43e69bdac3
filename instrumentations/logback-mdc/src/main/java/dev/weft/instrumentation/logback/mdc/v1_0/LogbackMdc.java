package dev.weft.instrumentation.logback.mdc.v1_0;

import ch.qos.logback.classic.spi.LoggingEvent;
import dev.weft.core.api.baggage.Baggage;
import dev.weft.core.api.logs.TraceContextKeys;
import dev.weft.core.api.trace.Span;
import dev.weft.core.api.trace.SpanContext;
import dev.weft.core.config.ConfigProperties;
import java.util.HashMap;
import java.util.Map;
import org.slf4j.MDC;

/**
 * Puts the current span's ids (and, with {@code otel.instrumentation.logback-mdc.add-baggage}, the
 * baggage as {@code baggage.<name>}) into an event's MDC map. Outside a span, and without baggage
 * to add, the event is left alone: nothing allocated, no key present.
 */
public final class LogbackMdc {

  private static final ConfigProperties config = ConfigProperties.agent();
  private static final TraceContextKeys keys = TraceContextKeys.read(config);
  private static final boolean addBaggage =
      config.getBoolean("otel.instrumentation.logback-mdc.add-baggage", false);

  private LogbackMdc() {}

  public static void inject(LoggingEvent event) {
    SpanContext span = Span.current().spanContext();
    Baggage baggage = addBaggage ? Baggage.current() : null;
    boolean withBaggage = baggage != null && !baggage.isEmpty();
    if (!span.isValid() && !withBaggage) {
      return;
    }
    Map<String, String> mdc = MDC.getCopyOfContextMap();
    Map<String, String> map = mdc == null ? new HashMap<>() : new HashMap<>(mdc);
    if (span.isValid()) {
      map.put(keys.traceId(), span.traceIdHex());
      map.put(keys.spanId(), span.spanIdHex());
      map.put(keys.traceFlags(), TraceContextKeys.flagsHex(span));
    }
    if (withBaggage) {
      for (int i = 0; i < baggage.size(); i++) {
        map.put("baggage." + baggage.nameAt(i), baggage.valueAt(i));
      }
    }
    event.setMDCPropertyMap(map);
  }
}
