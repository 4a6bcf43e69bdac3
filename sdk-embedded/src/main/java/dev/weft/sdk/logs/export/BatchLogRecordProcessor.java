package dev.weft.sdk.logs.export;

import dev.weft.core.config.BatchSettings;
import dev.weft.sdk.internal.BatchExporter;
import dev.weft.sdk.logs.LogRecordData;
import dev.weft.sdk.logs.LogRecordProcessor;
import dev.weft.sdk.logs.SdkLogRecord;
import dev.weft.sdk.trace.export.ExportResult;
import java.util.Collection;
import java.util.concurrent.TimeUnit;

/**
 * Queues emitted log records and exports them in batches from one daemon thread ({@code
 * weft-blrp}), started with the first record; configured by {@code otel.blrp.*}. The logging thread
 * only offers to a bounded lock-free queue ({@link BatchExporter}, shared with the span processor):
 * it never blocks, never takes a lock, and a full queue drops and counts the record, reported in
 * the agent's log at most once a minute.
 */
public final class BatchLogRecordProcessor implements LogRecordProcessor {

  static final String THREAD_NAME = "weft-blrp";

  private static final BatchExporter.Names NAMES =
      new BatchExporter.Names(THREAD_NAME, "blrp", "log records", "otel.blrp.max.queue.size");

  private final LogRecordExporter exporter;
  private final long scheduleDelayNanos;
  private final long exportTimeoutNanos;
  private final BatchExporter<SdkLogRecord> batcher;

  // Visible for testing: settings without a configuration.
  BatchLogRecordProcessor(
      LogRecordExporter exporter,
      long scheduleDelayNanos,
      long exportTimeoutNanos,
      int maxQueueSize,
      int maxExportBatchSize) {
    this.exporter = exporter;
    this.scheduleDelayNanos = scheduleDelayNanos;
    this.exportTimeoutNanos = exportTimeoutNanos;
    this.batcher =
        new BatchExporter<>(
            NAMES,
            new Sink(exporter),
            scheduleDelayNanos,
            exportTimeoutNanos,
            maxQueueSize,
            maxExportBatchSize);
  }

  /** A processor with the {@code otel.blrp.*} settings (already validated by AgentSettings). */
  public static BatchLogRecordProcessor create(LogRecordExporter exporter, BatchSettings settings) {
    return new BatchLogRecordProcessor(
        exporter,
        settings.scheduleDelay().toNanos(),
        settings.exportTimeout().toNanos(),
        settings.maxQueueSize(),
        settings.maxExportBatchSize());
  }

  @Override
  public void onEmit(SdkLogRecord record) {
    batcher.offer(record);
  }

  @Override
  public boolean forceFlush(long timeout, TimeUnit unit) {
    return batcher.forceFlush(timeout, unit);
  }

  @Override
  public boolean shutdown(long timeout, TimeUnit unit) {
    return batcher.shutdown(timeout, unit);
  }

  /** Records dropped because the queue was full, since start. */
  public long droppedLogRecords() {
    return batcher.dropped();
  }

  /** Records handed to the exporter (whatever the result), since start. */
  public long exportedLogRecords() {
    return batcher.exported();
  }

  // Visible for testing.
  int queueSize() {
    return batcher.queueSize();
  }

  // Visible for testing: null until the first record.
  Thread exportThread() {
    return batcher.exportThread();
  }

  @Override
  public String toString() {
    return "BatchLogRecordProcessor{exporter="
        + exporter
        + ", scheduleDelay="
        + TimeUnit.NANOSECONDS.toMillis(scheduleDelayNanos)
        + "ms, exportTimeout="
        + TimeUnit.NANOSECONDS.toMillis(exportTimeoutNanos)
        + "ms, maxQueueSize="
        + batcher.queueCapacity()
        + ", maxExportBatchSize="
        + batcher.maxExportBatchSize()
        + "}";
  }

  private static final class Sink implements BatchExporter.Sink<SdkLogRecord> {
    private final LogRecordExporter exporter;

    Sink(LogRecordExporter exporter) {
      this.exporter = exporter;
    }

    @Override
    public ExportResult export(Collection<SdkLogRecord> batch, long timeoutNanos) {
      Collection<? extends LogRecordData> records = batch;
      return exporter.export(records, timeoutNanos);
    }

    @Override
    public void shutdown() {
      exporter.shutdown();
    }

    @Override
    public String toString() {
      return exporter.toString();
    }
  }
}
