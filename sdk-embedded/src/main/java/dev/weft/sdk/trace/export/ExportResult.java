package dev.weft.sdk.trace.export;

/** The outcome of one export call. */
public enum ExportResult {
  /** Delivered (possibly partially accepted; the exporter has logged any rejection). */
  SUCCESS,
  /** Not delivered after the retries the time budget allowed; the batch is dropped. */
  FAILURE
}
