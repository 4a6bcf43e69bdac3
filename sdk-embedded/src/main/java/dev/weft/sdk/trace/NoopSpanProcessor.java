package dev.weft.sdk.trace;

import dev.weft.bootstrap.context.Context;
import java.util.concurrent.TimeUnit;

/** Does nothing: the processor of a provider built without any. */
enum NoopSpanProcessor implements SpanProcessor {
  INSTANCE;

  @Override
  public void onStart(Context parentContext, SdkSpan span) {}

  @Override
  public void onEnd(SdkSpan span) {}

  @Override
  public boolean forceFlush(long timeout, TimeUnit unit) {
    return true;
  }

  @Override
  public boolean shutdown(long timeout, TimeUnit unit) {
    return true;
  }

  @Override
  public String toString() {
    return "NoopSpanProcessor";
  }
}
