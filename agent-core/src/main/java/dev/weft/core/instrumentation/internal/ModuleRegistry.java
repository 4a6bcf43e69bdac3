package dev.weft.core.instrumentation.internal;

import dev.weft.bootstrap.WeftLogger;
import dev.weft.core.config.ConfigProperties;
import dev.weft.core.config.InstrumentationSettings;
import dev.weft.core.instrumentation.InstrumentationModule;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.ServiceConfigurationError;
import java.util.ServiceLoader;
import java.util.Set;

/** Every instrumentation module found on the agent's and the extensions' class paths. */
public final class ModuleRegistry {

  private static final WeftLogger log = WeftLogger.get("modules");

  private final List<ModuleEntry> all;
  private final Map<String, ModuleEntry> byId;

  private ModuleRegistry(List<ModuleEntry> all) {
    this.all = Collections.unmodifiableList(all);
    Map<String, ModuleEntry> ids = new HashMap<>();
    for (ModuleEntry entry : all) {
      ids.put(entry.id(), entry);
    }
    this.byId = ids;
  }

  /**
   * Loads the modules of the agent class loader, then of each extension loader; a module that fails
   * to load is reported and skipped, never fatal.
   */
  public static ModuleRegistry discover(
      ClassLoader agentLoader, Map<ClassLoader, String> extensions, ConfigProperties config) {
    List<ModuleEntry> entries = new ArrayList<>();
    Set<Class<?>> seen = new HashSet<>();
    load(agentLoader, "built-in", config, entries, seen);
    for (Map.Entry<ClassLoader, String> extension : extensions.entrySet()) {
      load(extension.getKey(), extension.getValue(), config, entries, seen);
    }
    return new ModuleRegistry(entries);
  }

  private static void load(
      ClassLoader loader,
      String source,
      ConfigProperties config,
      List<ModuleEntry> into,
      Set<Class<?>> seen) {
    Iterator<InstrumentationModule> it =
        ServiceLoader.load(InstrumentationModule.class, loader).iterator();
    while (true) {
      InstrumentationModule module;
      try {
        if (!it.hasNext()) {
          return;
        }
        module = it.next();
      } catch (ServiceConfigurationError | LinkageError e) {
        log.warn("Skipping an instrumentation module from " + source + " that failed to load", e);
        continue;
      }
      // An extension loader also sees its parent's (the agent's) services.
      if (seen.add(module.getClass())) {
        boolean enabled =
            InstrumentationSettings.isModuleEnabled(
                config, module.names(), module.defaultEnabled());
        into.add(new ModuleEntry(module, source, enabled, into.size()));
      }
    }
  }

  public List<ModuleEntry> all() {
    return all;
  }

  public List<ModuleEntry> enabled() {
    List<ModuleEntry> result = new ArrayList<>();
    for (ModuleEntry entry : all) {
      if (entry.enabled()) {
        result.add(entry);
      }
    }
    return result;
  }

  /** The module whose call sites carry {@code id}, or null. */
  ModuleEntry byId(String id) {
    return byId.get(id);
  }
}
