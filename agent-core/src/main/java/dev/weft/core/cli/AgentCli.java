package dev.weft.core.cli;

import com.sun.tools.attach.VirtualMachine;
import dev.weft.core.Version;
import dev.weft.core.config.AgentSettings;
import dev.weft.core.config.ConfigProperties;
import dev.weft.core.instrumentation.internal.InstrumentationInstaller;
import dev.weft.core.instrumentation.internal.ModuleEntry;
import dev.weft.core.instrumentation.internal.ModuleRegistry;
import java.io.File;
import java.io.PrintStream;
import java.util.Arrays;

/**
 * {@code java -jar weft-agent.jar}: describes the agent (version, every instrumentation module with
 * its names and whether the current configuration enables it), or attaches it to a running JVM.
 */
public final class AgentCli {

  private static final String USAGE =
      "usage: java -jar weft-agent.jar                      list instrumentation modules\n"
          + "       java -jar weft-agent.jar attach <pid> [otel.key=value ...]";

  private AgentCli() {}

  /** Called reflectively by {@code dev.weft.bootstrap.AgentMain.main}; returns the exit status. */
  public static int run(String[] args, File jar) {
    PrintStream out = System.out;
    if (args.length == 0 || args[0].equals("list")) {
      describe(out);
      return 0;
    }
    if (args[0].equals("attach") && args.length >= 2) {
      return attach(args[1], Arrays.copyOfRange(args, 2, args.length), jar);
    }
    System.err.println(USAGE);
    return 2;
  }

  private static void describe(PrintStream out) {
    ConfigProperties config = ConfigProperties.fromEnvironment(null);
    AgentSettings settings = AgentSettings.read(config);
    ClassLoader agentLoader = AgentCli.class.getClassLoader();
    ModuleRegistry registry =
        ModuleRegistry.discover(
            agentLoader,
            InstrumentationInstaller.extensionLoaders(settings.extensions(), agentLoader),
            config);
    out.println(
        "Weft " + Version.get() + (settings.enabled() ? "" : " (otel.javaagent.enabled=false)"));
    out.println(
        "Instrumentation modules ("
            + registry.enabled().size()
            + " of "
            + registry.all().size()
            + " enabled under the current configuration):");
    for (ModuleEntry entry : registry.all()) {
      out.println(
          String.format(
              "  %-8s %-32s names: %s%s",
              entry.enabled() ? "enabled" : "disabled",
              entry.module().names().get(0),
              String.join(", ", entry.module().names()),
              "built-in".equals(entry.source()) ? "" : "  (extension " + entry.source() + ")"));
    }
  }

  private static int attach(String pid, String[] settings, File jar) {
    for (String setting : settings) {
      if (setting.indexOf('=') <= 0 || setting.indexOf(',') >= 0) {
        System.err.println("Not a key=value setting without commas: " + setting + "\n" + USAGE);
        return 2;
      }
    }
    try {
      VirtualMachine vm = VirtualMachine.attach(pid);
      try {
        vm.loadAgent(jar.getAbsolutePath(), String.join(",", settings));
      } finally {
        vm.detach();
      }
      System.out.println("Attached Weft " + Version.get() + " to JVM " + pid);
      return 0;
    } catch (Exception | LinkageError e) {
      System.err.println("Could not attach Weft to JVM " + pid + ": " + e);
      return 1;
    }
  }
}
