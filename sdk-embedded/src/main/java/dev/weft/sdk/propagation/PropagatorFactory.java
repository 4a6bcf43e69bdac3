package dev.weft.sdk.propagation;

import dev.weft.bootstrap.WeftLogger;
import dev.weft.core.api.propagation.Propagators;
import dev.weft.core.api.propagation.TextMapPropagator;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** Builds the propagator named by {@code otel.propagators}. */
public final class PropagatorFactory {

  private static final WeftLogger log = WeftLogger.get("propagation");

  private PropagatorFactory() {}

  /**
   * The propagator for {@code names}, in order: {@code tracecontext}, {@code baggage}, {@code b3}
   * (single-header injection), {@code b3multi}, {@code jaeger}. A single known name gives that
   * propagator, several a {@link CompositePropagator}; none at all (an empty list, only {@code
   * none}, or only names Weft does not implement) gives {@link Propagators#noop()}. Repeated names
   * count once; {@code none} next to other names is ignored. Names Weft does not implement ({@code
   * xray}, {@code xray-lambda}, {@code ottrace}, anything else) are skipped with one DEBUG line;
   * configuration has already warned about them. Never throws; null names are skipped.
   */
  public static TextMapPropagator create(List<String> names) {
    List<TextMapPropagator> propagators = new ArrayList<>();
    List<String> skipped = new ArrayList<>();
    if (names != null) {
      for (String name : names) {
        String canonical = name == null ? "" : name.trim().toLowerCase(Locale.ROOT);
        TextMapPropagator propagator = forName(canonical);
        if (propagator != null && !propagators.contains(propagator)) {
          propagators.add(propagator);
        } else if (propagator == null && !canonical.equals("none") && !canonical.isEmpty()) {
          skipped.add(canonical);
        }
      }
    }
    if (!skipped.isEmpty()) {
      log.debug("propagators not implemented by Weft, skipped: " + String.join(", ", skipped));
    }
    if (propagators.isEmpty()) {
      return Propagators.noop();
    }
    return propagators.size() == 1 ? propagators.get(0) : CompositePropagator.of(propagators);
  }

  private static TextMapPropagator forName(String name) {
    switch (name) {
      case "tracecontext":
        return W3CTraceContextPropagator.getInstance();
      case "baggage":
        return W3CBaggagePropagator.getInstance();
      case "b3":
        return B3Propagator.injectingSingleHeader();
      case "b3multi":
        return B3Propagator.injectingMultiHeaders();
      case "jaeger":
        return JaegerPropagator.getInstance();
      default:
        return null;
    }
  }
}
