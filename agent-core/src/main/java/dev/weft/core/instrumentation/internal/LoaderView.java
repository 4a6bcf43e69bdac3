package dev.weft.core.instrumentation.internal;

import dev.weft.bootstrap.WeftLogger;
import dev.weft.core.instrumentation.TypeInstrumentation;
import java.util.List;

/** For one class loader: which enabled modules have their library present, and their roots. */
final class LoaderView {

  private static final WeftLogger log = WeftLogger.get("matcher");

  private final boolean[] present;
  private final boolean anyPresent;

  /** Root bits of the present modules: a class needs its super-types read only if this is set. */
  final long wantedRoots;

  private LoaderView(boolean[] present, boolean anyPresent, long wantedRoots) {
    this.present = present;
    this.anyPresent = anyPresent;
    this.wantedRoots = wantedRoots;
  }

  static LoaderView compute(List<ModuleEntry> modules, MatchIndex index, ClassLoader loader) {
    int size = 0;
    for (ModuleEntry module : modules) {
      size = Math.max(size, module.index() + 1);
    }
    boolean[] present = new boolean[size];
    boolean any = false;
    long roots = 0;
    for (ModuleEntry module : modules) {
      boolean ok;
      try {
        ok = module.module().libraryPresent().test(loader);
      } catch (Throwable t) {
        log.debug("Library check of " + module + " failed for " + loader, t);
        ok = false;
      }
      if (log.isDebug()) {
        log.debug("Module " + module + (ok ? " applies to " : " does not apply to ") + loader);
      }
      if (ok) {
        present[module.index()] = true;
        any = true;
        for (TypeInstrumentation ti : module.instrumentations()) {
          for (String root : ti.typeMatcher().superTypes()) {
            roots |= index.rootBit(MatchIndex.internal(root));
          }
        }
      }
    }
    return new LoaderView(present, any, roots);
  }

  boolean anyPresent() {
    return anyPresent;
  }

  boolean present(ModuleEntry module) {
    return module.index() < present.length && present[module.index()];
  }
}
