package dev.weft.core.instrumentation.internal;

import dev.weft.bootstrap.WeftLogger;
import java.util.ArrayDeque;

/**
 * Classes that Weft's own work loads first (an exporter's protobuf code reaching {@code
 * java.util.logging.Logger}, say) are woven later, by retransformation on a background thread,
 * instead of while Weft loads them: that first ByteBuddy weave costs hundreds of milliseconds, and
 * when it happens during the final export of a JVM that is exiting (a short-lived command line
 * program) it is all the agent would cost. A JVM that is shutting down skips it; any other catches
 * up within moments, and until then the class works as without the agent.
 */
final class DeferredWeaves {

  private static final WeftLogger log = WeftLogger.get("transformer");

  private final WeaverHolder weaver; // for its Instrumentation
  private final ArrayDeque<Object[]> queue = new ArrayDeque<>(); // {loader, binary name}
  private Thread thread; // guarded by this

  DeferredWeaves(WeaverHolder weaver) {
    this.weaver = weaver;
  }

  /** Weave {@code internalName} of {@code loader} once it is loaded. */
  synchronized void add(ClassLoader loader, String internalName) {
    queue.add(new Object[] {loader, internalName.replace('/', '.')});
    if (thread == null) {
      thread = new Thread(this::run, "weft-deferred-weave");
      thread.setDaemon(true);
      thread.start();
    } else {
      notifyAll();
    }
  }

  private void run() {
    while (true) {
      Object[] next;
      synchronized (this) {
        while (queue.isEmpty()) {
          try {
            wait();
          } catch (InterruptedException e) {
            return;
          }
        }
        next = queue.poll();
      }
      if (shuttingDown()) {
        log.debug("Not weaving " + next[1] + ": the JVM is shutting down");
        continue;
      }
      try {
        // Waits for the class to finish loading (its loader's lock) if it has not yet.
        Class<?> type = Class.forName((String) next[1], false, (ClassLoader) next[0]);
        log.debug("Weaving " + next[1] + " now: Weft's own work loaded it first");
        weaver.instrumentation().retransformClasses(type);
      } catch (Throwable t) {
        log.debug("Could not weave " + next[1] + " after Weft loaded it", t);
      }
    }
  }

  private static boolean shuttingDown() {
    Thread probe = new Thread(() -> {});
    try {
      Runtime.getRuntime().addShutdownHook(probe);
      Runtime.getRuntime().removeShutdownHook(probe);
      return false;
    } catch (IllegalStateException e) {
      return true; // "Shutdown in progress"
    }
  }
}
