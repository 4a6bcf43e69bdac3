package dev.weft.sdk.logs;

import dev.weft.bootstrap.WeftLogger;
import dev.weft.core.config.ConfigProperties;

/**
 * Attribute limits for log records: {@code otel.logrecord.attribute.count.limit} (default 128) and
 * {@code otel.logrecord.attribute.value.length.limit} (default unlimited), each falling back to the
 * generic {@code otel.attribute.*} key.
 */
public final class LogLimits {

  public static final int UNLIMITED = Integer.MAX_VALUE;
  private static final int DEFAULT_COUNT = 128;
  private static final WeftLogger log = WeftLogger.get("sdk");

  private final int attributeCountLimit;
  private final int attributeValueLengthLimit;

  public LogLimits(int attributeCountLimit, int attributeValueLengthLimit) {
    this.attributeCountLimit = attributeCountLimit;
    this.attributeValueLengthLimit = attributeValueLengthLimit;
  }

  public static LogLimits defaults() {
    return new LogLimits(DEFAULT_COUNT, UNLIMITED);
  }

  public static LogLimits fromConfig(ConfigProperties config) {
    int count =
        nonNegative(
            config,
            "otel.logrecord.attribute.count.limit",
            nonNegative(config, "otel.attribute.count.limit", DEFAULT_COUNT));
    int length =
        nonNegative(
            config,
            "otel.logrecord.attribute.value.length.limit",
            nonNegative(config, "otel.attribute.value.length.limit", UNLIMITED));
    return new LogLimits(count, length);
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

  public int attributeValueLengthLimit() {
    return attributeValueLengthLimit;
  }

  @Override
  public String toString() {
    return "LogLimits{attributeCountLimit="
        + attributeCountLimit
        + ", attributeValueLengthLimit="
        + (attributeValueLengthLimit == UNLIMITED ? "unlimited" : attributeValueLengthLimit)
        + "}";
  }
}
