package dev.weft.sdk.logs;

import java.util.concurrent.TimeUnit;

/** Receives every emitted record, on the emitting (application) thread: must never block. */
public interface LogRecordProcessor {

  void onEmit(SdkLogRecord record);

  boolean forceFlush(long timeout, TimeUnit unit);

  boolean shutdown(long timeout, TimeUnit unit);
}
