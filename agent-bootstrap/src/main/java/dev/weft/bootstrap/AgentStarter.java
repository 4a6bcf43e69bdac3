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
  // Set only while agent-core initialises, on the thread that runs premain/agentmain.
  private static Handoff handoff;

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
      handoff = new Handoff(agentArgs, inst, jar, attached);
      // Initialising AgentEntry runs agent-core's installer: no reflective call, which on
      // JDK 18+ spins method handles worth tens of milliseconds of start-up.
      Class.forName("dev.weft.core.AgentEntry", true, loader);
    } catch (Throwable t) {
      Throwable cause = t instanceof ExceptionInInitializerError ? t.getCause() : t;
      log.warn("Weft failed to start; the application runs without it: " + cause, cause);
    } finally {
      handoff = null;
    }
  }

  /** What premain/agentmain received, for agent-core while it initialises; null otherwise. */
  public static Handoff handoff() {
    return handoff;
  }

  /** The arguments of one start, handed from the bootstrap side to agent-core. */
  public static final class Handoff {
    public final String agentArgs;
    public final Instrumentation inst;
    public final File jar;
    public final boolean attached;

    Handoff(String agentArgs, Instrumentation inst, File jar, boolean attached) {
      this.agentArgs = agentArgs;
      this.inst = inst;
      this.jar = jar;
      this.attached = attached;
    }
  }
}
