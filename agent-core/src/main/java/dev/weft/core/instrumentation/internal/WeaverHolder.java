package dev.weft.core.instrumentation.internal;

import dev.weft.bootstrap.WeftLogger;
import java.lang.instrument.Instrumentation;

/**
 * Creates the {@link Weaver}, and with it every ByteBuddy class, on the first class that needs it
 * (or ahead of time on a spare core, {@link #warmUpInBackground}).
 */
final class WeaverHolder {

  private static final WeftLogger log = WeftLogger.get("transformer");

  private final Instrumentation inst;
  private final Class<?> dispatcher;
  private volatile Weaver weaver;

  WeaverHolder(Instrumentation inst, Class<?> dispatcher) {
    this.inst = inst;
    this.dispatcher = dispatcher;
  }

  Instrumentation instrumentation() {
    return inst;
  }

  /**
   * With a spare CPU, creates the weaver and runs one weave of its own on a background thread, so
   * that ByteBuddy (some 800 classes, run cold) is loaded and warm by the time the application
   * loads its first instrumented class, instead of on that thread: most start-ups leave the second
   * core idle for a while. A single-CPU JVM keeps the lazy behaviour.
   */
  void warmUpInBackground() {
    if (Runtime.getRuntime().availableProcessors() < 2) {
      return;
    }
    Thread thread =
        new Thread(
            () -> {
              try {
                long start = System.nanoTime();
                get().warmUp();
                log.debug(
                    "Weaver warmed up in " + (System.nanoTime() - start) / 1_000_000 + " ms");
              } catch (Throwable t) {
                log.debug("Weaver warm-up failed (the first weave will pay for it)", t);
              }
            },
            "weft-weaver-warmup");
    thread.setDaemon(true);
    thread.setPriority(Thread.MIN_PRIORITY);
    thread.start();
  }

  Weaver get() {
    Weaver result = weaver;
    if (result == null) {
      synchronized (this) {
        result = weaver;
        if (result == null) {
          result = new Weaver(inst, dispatcher);
          weaver = result;
        }
      }
    }
    return result;
  }
}
