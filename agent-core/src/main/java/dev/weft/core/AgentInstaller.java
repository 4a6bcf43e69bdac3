package dev.weft.core;

import dev.weft.bootstrap.WeftLogger;
import dev.weft.core.config.AgentSettings;
import dev.weft.core.config.ConfigProperties;
import dev.weft.core.instrumentation.internal.InstrumentationInstaller;
import dev.weft.core.instrumentation.internal.ModuleRegistry;
import dev.weft.core.spi.TelemetrySdk;
import java.io.File;
import java.lang.instrument.Instrumentation;
import java.util.Iterator;
import java.util.ServiceLoader;

/**
 * Agent-core's entry point, called once through the agent class loader: reads configuration, finds
 * the instrumentation modules and installs the transformer. Any failure is one line and the
 * application runs uninstrumented.
 */
public final class AgentInstaller {

  private static final WeftLogger log = WeftLogger.get("agent");

  private AgentInstaller() {}

  /** Called reflectively by {@code dev.weft.bootstrap.AgentStarter}. */
  public static void install(String agentArgs, Instrumentation inst, File jar, boolean attached) {
    long start = System.nanoTime();
    ConfigProperties config = ConfigProperties.fromEnvironment(agentArgs);
    // Read alone and first: a disabled agent does nothing else, not even validate settings.
    if (!config.getBoolean("otel.javaagent.enabled", true)) {
      return;
    }
    if ("none".equalsIgnoreCase(config.getString("otel.javaagent.logging", "simple").trim())) {
      WeftLogger.configure(WeftLogger.Level.OFF); // before validation, which may warn
    }
    AgentSettings settings = AgentSettings.read(config);
    settings.applyLogLevel();
    ConfigProperties.setAgent(config);
    if (log.isDebug()) {
      log.debug("Configuration: " + config);
      log.debug("Settings: " + settings);
    }
    try {
      ClassLoader agentLoader = AgentInstaller.class.getClassLoader();
      // Before any class is woven, so instrumentations see the real tracer from their first call.
      TelemetrySdk sdk = startSdk(agentLoader, config, settings);
      ModuleRegistry registry =
          ModuleRegistry.discover(
              agentLoader,
              InstrumentationInstaller.extensionLoaders(settings.extensions(), agentLoader),
              config);
      InstrumentationInstaller installer = new InstrumentationInstaller();
      installer.install(
          inst, registry, agentLoader, settings.excludeClasses(), settings.excludeClassLoaders());
      reportAtExit(installer);
      long millis = (System.nanoTime() - start) / 1_000_000;
      log.info(
          "Weft "
              + Version.get()
              + (attached ? " attached" : " started")
              + " in "
              + millis
              + " ms: "
              + registry.enabled().size()
              + " of "
              + registry.all().size()
              + " instrumentation modules enabled"
              + "; "
              + (sdk == null ? "no telemetry SDK in this build" : sdk.describe()));
    } catch (Throwable t) {
      log.warn("Weft failed to start; the application runs without it: " + t, t);
    }
  }

  private static TelemetrySdk startSdk(
      ClassLoader agentLoader, ConfigProperties config, AgentSettings settings) {
    Iterator<TelemetrySdk> found = ServiceLoader.load(TelemetrySdk.class, agentLoader).iterator();
    if (!found.hasNext()) {
      return null;
    }
    TelemetrySdk sdk = found.next();
    sdk.start(config, settings);
    Runtime.getRuntime().addShutdownHook(new Thread(sdk::shutdown, "weft-sdk-shutdown"));
    return sdk;
  }

  private static void reportAtExit(InstrumentationInstaller installer) {
    if (!log.isDebug()) {
      return;
    }
    Thread hook =
        new Thread(
            () -> {
              long suppressed = installer.errors().count();
              log.debug("Advice errors suppressed: " + suppressed);
            },
            "weft-exit-report");
    Runtime.getRuntime().addShutdownHook(hook);
  }
}
