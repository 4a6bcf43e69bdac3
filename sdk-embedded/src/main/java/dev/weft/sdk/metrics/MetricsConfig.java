package dev.weft.sdk.metrics;

import dev.weft.bootstrap.WeftLogger;
import dev.weft.core.config.ConfigProperties;
import java.util.List;

/** The metrics SDK's own settings, read once at start-up (bad values warn and use the default). */
public final class MetricsConfig {

  static final int DEFAULT_CARDINALITY_LIMIT = 2000;
  private static final WeftLogger log = WeftLogger.get("metrics");
  private static final String OTLP_METRICS = "otel.exporter.otlp.metrics.";

  private final int cardinalityLimit;
  private final ExemplarFilter exemplarFilter;
  private final TemporalityPreference temporality;
  private final boolean exponentialHistograms;

  public MetricsConfig(
      int cardinalityLimit,
      ExemplarFilter exemplarFilter,
      TemporalityPreference temporality,
      boolean exponentialHistograms) {
    this.cardinalityLimit = cardinalityLimit;
    this.exemplarFilter = exemplarFilter;
    this.temporality = temporality;
    this.exponentialHistograms = exponentialHistograms;
  }

  /** Defaults: 2000 series, trace_based exemplars, cumulative, explicit-bucket histograms. */
  public static MetricsConfig defaults() {
    return new MetricsConfig(
        DEFAULT_CARDINALITY_LIMIT,
        ExemplarFilter.TRACE_BASED,
        TemporalityPreference.CUMULATIVE,
        false);
  }

  public static MetricsConfig read(ConfigProperties config) {
    int limit = config.getInt("otel.java.metrics.cardinality.limit", DEFAULT_CARDINALITY_LIMIT);
    if (limit < 2) { // one series plus the overflow series at least
      log.warn(
          "otel.java.metrics.cardinality.limit="
              + limit
              + " is below 2; using "
              + DEFAULT_CARDINALITY_LIMIT);
      limit = DEFAULT_CARDINALITY_LIMIT;
    }
    String filter =
        config.getOneOf(
            "otel.metrics.exemplar.filter",
            "trace_based",
            List.of("trace_based", "always_on", "always_off"));
    String temporality =
        config.getOneOf(
            OTLP_METRICS + "temporality.preference",
            "cumulative",
            List.of("cumulative", "delta", "lowmemory"));
    String histogram =
        config.getOneOf(
            OTLP_METRICS + "default.histogram.aggregation",
            "explicit_bucket_histogram",
            List.of("explicit_bucket_histogram", "base2_exponential_bucket_histogram"));
    return new MetricsConfig(
        limit,
        ExemplarFilter.of(filter),
        TemporalityPreference.of(temporality),
        histogram.equals("base2_exponential_bucket_histogram"));
  }

  /** Series per metric, the overflow series included. */
  public int cardinalityLimit() {
    return cardinalityLimit;
  }

  public ExemplarFilter exemplarFilter() {
    return exemplarFilter;
  }

  /** The OTLP exporter's temporality preference. */
  public TemporalityPreference temporality() {
    return temporality;
  }

  /** The OTLP exporter's default histogram aggregation is base-2 exponential. */
  public boolean exponentialHistograms() {
    return exponentialHistograms;
  }

  @Override
  public String toString() {
    return "cardinality limit "
        + cardinalityLimit
        + ", exemplars "
        + exemplarFilter.name().toLowerCase(java.util.Locale.ROOT)
        + ", "
        + temporality.name().toLowerCase(java.util.Locale.ROOT)
        + (exponentialHistograms ? ", exponential histograms" : "");
  }
}
