package dev.weft.sdk.trace;

import dev.weft.bootstrap.WeftLogger;
import dev.weft.core.config.ConfigProperties;

/**
 * Caps on what one span records: attribute count and value length, events, links, and attributes
 * per event and per link. What goes over a count is dropped and counted; string values (and each
 * string of a string array) longer than the length limit are truncated. Immutable.
 */
public final class SpanLimits {

  /** No limit (the default for value lengths). */
  public static final int UNLIMITED = Integer.MAX_VALUE;

  private static final int DEFAULT_COUNT = 128;
  private static final SpanLimits DEFAULTS = builder().build();
  private static final WeftLogger log = WeftLogger.get("sdk");

  private final int attributeCountLimit;
  private final int attributeValueLengthLimit;
  private final int eventCountLimit;
  private final int linkCountLimit;
  private final int eventAttributeCountLimit;
  private final int linkAttributeCountLimit;

  private SpanLimits(Builder builder) {
    attributeCountLimit = builder.attributeCountLimit;
    attributeValueLengthLimit = builder.attributeValueLengthLimit;
    eventCountLimit = builder.eventCountLimit;
    linkCountLimit = builder.linkCountLimit;
    eventAttributeCountLimit = builder.eventAttributeCountLimit;
    linkAttributeCountLimit = builder.linkAttributeCountLimit;
  }

  /** 128 of everything, unlimited value length. */
  public static SpanLimits defaults() {
    return DEFAULTS;
  }

  public static Builder builder() {
    return new Builder();
  }

  /**
   * The limits from {@code otel.span.*} keys, falling back to the generic {@code otel.attribute.*}
   * ones, as the specification's environment variables define them. A negative value is reported
   * once and replaced by the default.
   */
  public static SpanLimits fromConfig(ConfigProperties config) {
    int genericCount = nonNegative(config, "otel.attribute.count.limit", DEFAULT_COUNT);
    int genericLength = nonNegative(config, "otel.attribute.value.length.limit", UNLIMITED);
    return builder()
        .attributeCountLimit(nonNegative(config, "otel.span.attribute.count.limit", genericCount))
        .attributeValueLengthLimit(
            nonNegative(config, "otel.span.attribute.value.length.limit", genericLength))
        .eventCountLimit(nonNegative(config, "otel.span.event.count.limit", DEFAULT_COUNT))
        .linkCountLimit(nonNegative(config, "otel.span.link.count.limit", DEFAULT_COUNT))
        .eventAttributeCountLimit(
            nonNegative(config, "otel.event.attribute.count.limit", genericCount))
        .linkAttributeCountLimit(
            nonNegative(config, "otel.link.attribute.count.limit", genericCount))
        .build();
  }

  private static int nonNegative(ConfigProperties config, String key, int defaultValue) {
    int value = config.getInt(key, defaultValue); // a non-integer is reported by getInt
    if (value >= 0) {
      return value;
    }
    log.warn(
        "Invalid value '"
            + value
            + "' for "
            + key
            + " ("
            + ConfigProperties.toEnvName(key)
            + "): expected a non-negative integer; using '"
            + (defaultValue == UNLIMITED ? "unlimited" : String.valueOf(defaultValue))
            + "'");
    return defaultValue;
  }

  public int attributeCountLimit() {
    return attributeCountLimit;
  }

  /** {@link #UNLIMITED} when strings are never truncated. */
  public int attributeValueLengthLimit() {
    return attributeValueLengthLimit;
  }

  public int eventCountLimit() {
    return eventCountLimit;
  }

  public int linkCountLimit() {
    return linkCountLimit;
  }

  public int eventAttributeCountLimit() {
    return eventAttributeCountLimit;
  }

  public int linkAttributeCountLimit() {
    return linkAttributeCountLimit;
  }

  @Override
  public String toString() {
    return "SpanLimits{attributes="
        + attributeCountLimit
        + ", valueLength="
        + (attributeValueLengthLimit == UNLIMITED ? "unlimited" : attributeValueLengthLimit)
        + ", events="
        + eventCountLimit
        + ", links="
        + linkCountLimit
        + ", attributesPerEvent="
        + eventAttributeCountLimit
        + ", attributesPerLink="
        + linkAttributeCountLimit
        + "}";
  }

  /** Starts from the defaults. Negative values are rejected. */
  public static final class Builder {
    private int attributeCountLimit = DEFAULT_COUNT;
    private int attributeValueLengthLimit = UNLIMITED;
    private int eventCountLimit = DEFAULT_COUNT;
    private int linkCountLimit = DEFAULT_COUNT;
    private int eventAttributeCountLimit = DEFAULT_COUNT;
    private int linkAttributeCountLimit = DEFAULT_COUNT;

    private Builder() {}

    public Builder attributeCountLimit(int limit) {
      attributeCountLimit = check(limit);
      return this;
    }

    public Builder attributeValueLengthLimit(int limit) {
      attributeValueLengthLimit = check(limit);
      return this;
    }

    public Builder eventCountLimit(int limit) {
      eventCountLimit = check(limit);
      return this;
    }

    public Builder linkCountLimit(int limit) {
      linkCountLimit = check(limit);
      return this;
    }

    public Builder eventAttributeCountLimit(int limit) {
      eventAttributeCountLimit = check(limit);
      return this;
    }

    public Builder linkAttributeCountLimit(int limit) {
      linkAttributeCountLimit = check(limit);
      return this;
    }

    public SpanLimits build() {
      return new SpanLimits(this);
    }

    private static int check(int limit) {
      if (limit < 0) {
        throw new IllegalArgumentException("limit must be >= 0, was " + limit);
      }
      return limit;
    }
  }
}
