package dev.weft.core.instrumentation.internal;

import dev.weft.bootstrap.WeftLogger;
import java.io.File;
import java.io.IOException;
import java.lang.instrument.Instrumentation;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Wires the instrumentation framework into the JVM: dispatcher, transformer, retransformation. */
public final class InstrumentationInstaller {

  private static final WeftLogger log = WeftLogger.get("agent");

  private final AdviceErrors errors = new AdviceErrors();

  /** Extension jars (or directories of jars) as class loaders, each child of the agent loader. */
  public static Map<ClassLoader, String> extensionLoaders(List<String> paths, ClassLoader agent) {
    Map<ClassLoader, String> loaders = new LinkedHashMap<>();
    for (String path : paths) {
      File file = new File(path);
      File[] jars =
          file.isDirectory()
              ? file.listFiles((dir, name) -> name.endsWith(".jar"))
              : new File[] {file};
      for (File jar : jars == null ? new File[0] : jars) {
        try {
          loaders.put(new ExtensionClassLoader(jar, agent), jar.getPath());
        } catch (IOException e) {
          log.warn("Cannot read extension " + jar + " (otel.javaagent.extensions): " + e);
        }
      }
    }
    return loaders;
  }

  /**
   * Registers the transformer for the enabled modules and retransforms the already loaded classes
   * that match (many, after a runtime attach).
   */
  public void install(
      Instrumentation inst,
      ModuleRegistry registry,
      ClassLoader agentLoader,
      List<String> excludeClasses,
      List<String> excludeLoaders)
      throws ReflectiveOperationException {
    MatchIndex index = new MatchIndex(registry.enabled());
    if (index.isEmpty()) {
      log.debug("No enabled instrumentation module matches anything; no transformer installed");
      return;
    }
    IndyLinker linker = new IndyLinker(registry, agentLoader, errors);
    Class<?> dispatcher = DispatcherInstaller.install(inst, linker, errors);
    log.debug("Advice dispatcher: " + dispatcher.getName());
    WeftTransformer transformer =
        new WeftTransformer(
            index,
            new IgnoreRules(excludeClasses, excludeLoaders),
            new WeaverHolder(inst, dispatcher));
    inst.addTransformer(transformer, true);
    retransformLoaded(inst, transformer);
  }

  /** Advice errors suppressed so far. */
  public AdviceErrors errors() {
    return errors;
  }

  private static void retransformLoaded(Instrumentation inst, WeftTransformer transformer) {
    if (!inst.isRetransformClassesSupported()) {
      log.debug("Retransformation unsupported: classes loaded before Weft stay as they are");
      return;
    }
    List<Class<?>> matched = new ArrayList<>();
    for (Class<?> type : inst.getAllLoadedClasses()) {
      try {
        if (inst.isModifiableClass(type) && !type.isArray() && transformer.matchesLoaded(type)) {
          matched.add(type);
        }
      } catch (Throwable t) {
        log.debug("Skipping loaded class " + type.getName(), t);
      }
    }
    for (Class<?> type : matched) {
      try {
        inst.retransformClasses(type);
      } catch (Throwable t) {
        log.debug("Could not retransform " + type.getName(), t);
      }
    }
    if (log.isDebug()) {
      log.debug("Retransformed " + matched.size() + " classes loaded before Weft: " + matched);
    }
  }
}
