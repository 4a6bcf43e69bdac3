package dev.weft.bootstrap;

import java.io.File;
import java.lang.instrument.Instrumentation;

/**
 * Bootstrap-side start-up: creates the agent class loader and hands over to agent-core.
 *
 * <p>Defined by the bootstrap loader, so its static state is shared by every later attach in the
 * same JVM: a second {@code -javaagent} or attach of Weft is refused with one line.
 */
public final class AgentStarter {

  private static final WeftLogger log = WeftLogger.get("agent");
  private static final Object lock = new Object();

  // @GuardedBy("lock")
  private static boolean started;

  private AgentStarter() {}

  /** Called reflectively by {@link AgentMain}; never throws. */
  public static void start(String agentArgs, Instrumentation inst, File jar, boolean attached) {
    synchronized (lock) {
      if (started) {
        log.warn("Weft is already running in this JVM; ignoring the second start");
        return;
      }
      started = true;
    }
    try {
      AgentClassLoader loader = new AgentClassLoader(jar, ClassLoader.getPlatformClassLoader());
      Class<?> installer = loader.loadClass("dev.weft.core.AgentInstaller");
      installer
          .getMethod("install", String.class, Instrumentation.class, File.class, boolean.class)
          .invoke(null, agentArgs, inst, jar, attached);
    } catch (Throwable t) {
      Throwable cause = t instanceof java.lang.reflect.InvocationTargetException ? t.getCause() : t;
      log.warn("Weft failed to start; the application runs without it: " + cause, cause);
    }
  }
}
