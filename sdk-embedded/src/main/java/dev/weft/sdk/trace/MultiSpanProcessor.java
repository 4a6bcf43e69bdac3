package dev.weft.sdk.trace;

import dev.weft.bootstrap.context.Context;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** Fans each call out to several processors, in order; flush and shutdown share one deadline. */
final class MultiSpanProcessor implements SpanProcessor {

  // An array, not a list: onStart/onEnd loop over it for every span.
  private final SpanProcessor[] processors;

  MultiSpanProcessor(List<SpanProcessor> processors) {
    this.processors = processors.toArray(new SpanProcessor[0]);
  }

  @Override
  public void onStart(Context parentContext, SdkSpan span) {
    for (SpanProcessor processor : processors) {
      processor.onStart(parentContext, span);
    }
  }

  @Override
  public void onEnd(SdkSpan span) {
    for (SpanProcessor processor : processors) {
      processor.onEnd(span);
    }
  }

  @Override
  public boolean forceFlush(long timeout, TimeUnit unit) {
    long deadline = System.nanoTime() + unit.toNanos(timeout);
    boolean done = true;
    for (SpanProcessor processor : processors) {
      done &= processor.forceFlush(remaining(deadline), TimeUnit.NANOSECONDS);
    }
    return done;
  }

  @Override
  public boolean shutdown(long timeout, TimeUnit unit) {
    long deadline = System.nanoTime() + unit.toNanos(timeout);
    boolean done = true;
    for (SpanProcessor processor : processors) {
      done &= processor.shutdown(remaining(deadline), TimeUnit.NANOSECONDS);
    }
    return done;
  }

  private static long remaining(long deadline) {
    return Math.max(0, deadline - System.nanoTime());
  }

  @Override
  public String toString() {
    return "MultiSpanProcessor" + Arrays.toString(processors);
  }
}
