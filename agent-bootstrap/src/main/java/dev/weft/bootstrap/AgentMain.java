package dev.weft.bootstrap;

import java.io.File;
import java.lang.instrument.Instrumentation;
import java.lang.reflect.Method;
import java.net.URISyntaxException;
import java.security.CodeSource;
import java.util.jar.JarFile;

/**
 * The entry point named in the agent jar's manifest: {@code Premain-Class}, {@code Agent-Class} and
 * {@code Main-Class}.
 *
 * <p>The system class loader defines this class before the jar is on the bootstrap search path, so
 * it does nothing but append the jar there and hand over to the bootstrap-defined {@link
 * AgentStarter}; every other Weft class is then resolved through the bootstrap loader. It must
 * never throw: a failed start is one line on standard error and the application runs
 * uninstrumented.
 */
public final class AgentMain {

  private AgentMain() {}

  public static void premain(String agentArgs, Instrumentation inst) {
    start(agentArgs, inst, false);
  }

  public static void agentmain(String agentArgs, Instrumentation inst) {
    start(agentArgs, inst, true);
  }

  /** {@code java -jar weft-agent.jar [attach <pid> [otel.key=value ...]]}. */
  public static void main(String[] args) throws Exception {
    File jar = agentJar();
    // No Instrumentation here, so the jar cannot join the bootstrap path: the agent class loader
    // instead resolves dev.weft.bootstrap through this class's own (system) loader.
    AgentClassLoader loader = new AgentClassLoader(jar, AgentMain.class.getClassLoader());
    Class<?> cli = loader.loadClass("dev.weft.core.cli.AgentCli");
    Method run = cli.getMethod("run", String[].class, File.class);
    int status = (Integer) run.invoke(null, args, jar);
    if (status != 0) {
      System.exit(status);
    }
  }

  private static void start(String agentArgs, Instrumentation inst, boolean attached) {
    try {
      File jar = agentJar();
      inst.appendToBootstrapClassLoaderSearch(new JarFile(jar, false));
      // A direct call, not reflection (which costs ~25 ms of method-handle set-up on JDK 18+):
      // the symbolic reference resolves on first execution, after the append above, and the
      // system loader delegates to the bootstrap loader first, so this links to the bootstrap
      // copy of AgentStarter.
      AgentStarter.start(agentArgs, inst, jar, attached);
    } catch (Throwable t) {
      // Nothing else is initialised yet, so this is the one place that prints directly.
      System.err.println(
          "[weft] ERROR agent - Weft failed to start; the application runs without it: " + t);
    }
  }

  private static File agentJar() throws URISyntaxException {
    CodeSource source = AgentMain.class.getProtectionDomain().getCodeSource();
    if (source == null || source.getLocation() == null) {
      throw new IllegalStateException("cannot locate weft-agent.jar (no code source)");
    }
    return new File(source.getLocation().toURI());
  }
}
