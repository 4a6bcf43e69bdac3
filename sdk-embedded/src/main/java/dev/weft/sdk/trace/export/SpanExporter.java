package dev.weft.sdk.trace.export;

import dev.weft.sdk.trace.data.SpanData;
import java.util.Collection;

/**
 * Sends batches of finished spans somewhere. Called from one export thread at a time, never from an
 * application thread. Must not throw; failures are reported in the result.
 */
public interface SpanExporter {

  /**
   * Exports one batch, blocking at most {@code timeoutNanos} (retries included).
   *
   * @return whether the batch was delivered; a batch that failed for good is dropped by the caller
   */
  ExportResult export(Collection<? extends SpanData> spans, long timeoutNanos);

  /** Flushes and releases resources; called once at shutdown. */
  void shutdown();
}
