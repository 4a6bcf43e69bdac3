package dev.weft.sdk.trace;

import dev.weft.bootstrap.context.Context;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/** Remembers every span it is told about, synchronously. */
final class RecordingSpanProcessor implements SpanProcessor {

  final List<SdkSpan> started = new CopyOnWriteArrayList<>();
  final List<SdkSpan> ended = new CopyOnWriteArrayList<>();
  final List<Context> parents = new CopyOnWriteArrayList<>();
  final AtomicInteger shutdowns = new AtomicInteger();

  @Override
  public void onStart(Context parentContext, SdkSpan span) {
    started.add(span);
    parents.add(parentContext);
  }

  @Override
  public void onEnd(SdkSpan span) {
    ended.add(span);
  }

  @Override
  public boolean forceFlush(long timeout, TimeUnit unit) {
    return true;
  }

  @Override
  public boolean shutdown(long timeout, TimeUnit unit) {
    shutdowns.incrementAndGet();
    return true;
  }
}
