package dev.weft.sdk.propagation;

import dev.weft.bootstrap.context.Context;
import dev.weft.core.api.baggage.Baggage;
import dev.weft.core.api.propagation.TextMapGetter;
import dev.weft.core.api.propagation.TextMapPropagator;
import dev.weft.core.api.propagation.TextMapSetter;
import java.util.Collection;
import java.util.List;

/**
 * W3C baggage ({@code otel.propagators=baggage}): the {@code baggage} header,
 * https://www.w3.org/TR/baggage/. Format, encoding and limits are described on {@link
 * BaggageCodec}.
 *
 * <p>Extraction replaces the baggage of the given context with the header's entries when it has any
 * valid ones, and otherwise returns the context unchanged. Injection writes the context's baggage,
 * skipping entries that cannot be sent (name not a token, metadata not a property list) and entries
 * over the limits.
 *
 * <p>Thread-safe and stateless. Never throws; malformed members are skipped with at most one
 * rate-limited DEBUG line.
 */
public final class W3CBaggagePropagator implements TextMapPropagator {

  static final String BAGGAGE = "baggage";

  private static final W3CBaggagePropagator INSTANCE = new W3CBaggagePropagator();
  private static final List<String> FIELDS = List.of(BAGGAGE);

  private W3CBaggagePropagator() {}

  public static W3CBaggagePropagator getInstance() {
    return INSTANCE;
  }

  @Override
  public Collection<String> fields() {
    return FIELDS;
  }

  @Override
  public <C> void inject(Context context, C carrier, TextMapSetter<C> setter) {
    if (context == null || setter == null) {
      return;
    }
    try {
      Baggage baggage = Baggage.fromContext(context);
      if (baggage.isEmpty()) {
        return;
      }
      String header = BaggageCodec.encode(baggage);
      if (!header.isEmpty()) {
        setter.set(carrier, BAGGAGE, header);
      }
    } catch (Throwable error) {
      PropagationLog.failed("baggage inject", error);
    }
  }

  @Override
  public <C> Context extract(Context context, C carrier, TextMapGetter<C> getter) {
    Context base = context == null ? Context.root() : context;
    if (getter == null) {
      return base;
    }
    try {
      String header = getter.get(carrier, BAGGAGE);
      if (header == null || header.isEmpty()) {
        return base;
      }
      Baggage baggage = BaggageCodec.decode(header);
      return baggage.isEmpty() ? base : baggage.storeInContext(base);
    } catch (Throwable error) {
      PropagationLog.failed("baggage extract", error);
      return base;
    }
  }

  @Override
  public String toString() {
    return "W3CBaggagePropagator";
  }
}
