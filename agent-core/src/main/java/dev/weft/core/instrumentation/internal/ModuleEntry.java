package dev.weft.core.instrumentation.internal;

import dev.weft.core.instrumentation.InstrumentationModule;
import dev.weft.core.instrumentation.TypeInstrumentation;
import java.util.List;

/** A discovered module, where it came from, and whether configuration enables it. */
public final class ModuleEntry {

  private final InstrumentationModule module;
  private final String source;
  private final boolean enabled;
  private final int index;
  // Written once under "this"; read by the transformer after start-up.
  private volatile List<TypeInstrumentation> instrumentations;

  ModuleEntry(InstrumentationModule module, String source, boolean enabled, int index) {
    this.module = module;
    this.source = source;
    this.enabled = enabled;
    this.index = index;
  }

  public InstrumentationModule module() {
    return module;
  }

  /** "built-in" or the extension jar's path. */
  public String source() {
    return source;
  }

  public boolean enabled() {
    return enabled;
  }

  /** The module's type instrumentations, asked for once. */
  List<TypeInstrumentation> instrumentations() {
    List<TypeInstrumentation> result = instrumentations;
    if (result == null) {
      synchronized (this) {
        result = instrumentations;
        if (result == null) {
          result = List.copyOf(module.typeInstrumentations());
          instrumentations = result;
        }
      }
    }
    return result;
  }

  /** Position in the registry; stable for the life of the agent. */
  int index() {
    return index;
  }

  /** The id woven into call sites: the module class's name, unique per agent. */
  String id() {
    return module.getClass().getName();
  }

  /** The loader that defined the module: where its advice and helper class files are read. */
  ClassLoader classFiles() {
    return module.getClass().getClassLoader();
  }

  @Override
  public String toString() {
    return module.names().get(0) + (enabled ? "" : " (disabled)");
  }
}
