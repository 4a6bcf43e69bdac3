package dev.weft.sdk.logs.export;

import dev.weft.sdk.logs.LogRecordData;
import dev.weft.sdk.trace.export.ExportResult;
import java.util.Collection;

/**
 * Sends batches of log records somewhere. Called from one export thread at a time, never from an
 * application thread. Must not throw; failures are reported in the result.
 */
public interface LogRecordExporter {

  /** Exports one batch, blocking at most {@code timeoutNanos} (retries included). */
  ExportResult export(Collection<? extends LogRecordData> records, long timeoutNanos);

  /** Flushes and releases resources; called once at shutdown. */
  void shutdown();
}
