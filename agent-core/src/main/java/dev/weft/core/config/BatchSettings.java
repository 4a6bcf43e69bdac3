package dev.weft.core.config;

import java.time.Duration;

/**
 * Batch processor settings: {@code otel.bsp.*} for spans, {@code otel.blrp.*} for log records.
 * Immutable; the batch size never exceeds the queue size.
 */
public final class BatchSettings {

  private static final Duration DEFAULT_EXPORT_TIMEOUT = Duration.ofMillis(30_000);
  private static final int DEFAULT_MAX_QUEUE_SIZE = 2048;
  private static final int DEFAULT_MAX_EXPORT_BATCH_SIZE = 512;

  private final String prefix;
  private final Duration scheduleDelay;
  private final Duration exportTimeout;
  private final int maxQueueSize;
  private final int maxExportBatchSize;

  private BatchSettings(
      String prefix,
      Duration scheduleDelay,
      Duration exportTimeout,
      int maxQueueSize,
      int maxExportBatchSize) {
    this.prefix = prefix;
    this.scheduleDelay = scheduleDelay;
    this.exportTimeout = exportTimeout;
    this.maxQueueSize = maxQueueSize;
    this.maxExportBatchSize = maxExportBatchSize;
  }

  /** Reads {@code <prefix>.schedule.delay}, {@code .export.timeout}, {@code .max.*}. */
  static BatchSettings read(ConfigProperties config, String prefix, Duration defaultDelay) {
    Duration delay = config.getDuration(prefix + ".schedule.delay", defaultDelay);
    Duration timeout = config.getDuration(prefix + ".export.timeout", DEFAULT_EXPORT_TIMEOUT);
    String queueKey = prefix + ".max.queue.size";
    String batchKey = prefix + ".max.export.batch.size";
    int queue = positiveInt(config, queueKey, DEFAULT_MAX_QUEUE_SIZE);
    int batch = positiveInt(config, batchKey, DEFAULT_MAX_EXPORT_BATCH_SIZE);
    if (batch > queue) {
      // The SDK rejects this outright; a smaller queue alone just shrinks the default batch.
      if (config.getString(batchKey) != null) {
        config.warnInvalid(
            batchKey,
            String.valueOf(batch),
            "expected at most " + queueKey + " (" + queue + ")",
            queue);
      }
      batch = queue;
    }
    return new BatchSettings(prefix, delay, timeout, queue, batch);
  }

  /** {@code config.getInt}, also warning about zero and negative values. */
  static int positiveInt(ConfigProperties config, String key, int defaultValue) {
    int value = config.getInt(key, defaultValue);
    if (value > 0) {
      return value;
    }
    config.warnInvalid(key, config.getString(key), "expected a positive integer", defaultValue);
    return defaultValue;
  }

  public Duration scheduleDelay() {
    return scheduleDelay;
  }

  public Duration exportTimeout() {
    return exportTimeout;
  }

  public int maxQueueSize() {
    return maxQueueSize;
  }

  public int maxExportBatchSize() {
    return maxExportBatchSize;
  }

  @Override
  public String toString() {
    return prefix
        + "{scheduleDelay="
        + scheduleDelay.toMillis()
        + "ms, exportTimeout="
        + exportTimeout.toMillis()
        + "ms, maxQueueSize="
        + maxQueueSize
        + ", maxExportBatchSize="
        + maxExportBatchSize
        + "}";
  }
}
