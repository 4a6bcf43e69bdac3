package dev.weft.core.instrumentation.internal;

import dev.weft.bootstrap.WeftLogger;
import dev.weft.core.instrumentation.TypeInstrumentation;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.WeakHashMap;

/**
 * The enabled modules' type matchers, indexed for the pre-filter: exact names in a hash map, and
 * super-type roots as bits of a {@code long}, so a class is matched with one map lookup and one
 * mask test. Per class loader it caches which modules' libraries are present.
 */
final class MatchIndex {

  private static final WeftLogger log = WeftLogger.get("matcher");
  private static final int MAX_ROOTS = Long.SIZE;

  private final List<ModuleEntry> modules;
  private final Map<String, List<Candidate>> byInternalName;
  private final List<Candidate> hierarchyCandidates;
  private final Map<String, Integer> rootBits;
  private final Object viewLock = new Object();
  // @GuardedBy("viewLock"); weak keys: an undeployed application's loader must stay collectable.
  private final Map<ClassLoader, LoaderView> views = new WeakHashMap<>();
  // @GuardedBy("viewLock")
  private LoaderView bootView;

  MatchIndex(List<ModuleEntry> enabledModules) {
    this.modules = enabledModules;
    Map<String, List<Candidate>> names = new HashMap<>();
    List<Candidate> hierarchy = new ArrayList<>();
    Map<String, Integer> roots = new LinkedHashMap<>();
    for (ModuleEntry module : enabledModules) {
      for (TypeInstrumentation ti : module.instrumentations()) {
        long mask = 0;
        for (String root : ti.typeMatcher().superTypes()) {
          Integer bit = roots.get(internal(root));
          if (bit == null) {
            if (roots.size() == MAX_ROOTS) {
              log.warn("More than 64 super-type roots; " + ti + " ignores " + root);
              continue;
            }
            bit = roots.size();
            roots.put(internal(root), bit);
          }
          mask |= 1L << bit;
        }
        Candidate candidate = new Candidate(module, ti, mask);
        for (String name : ti.typeMatcher().names()) {
          names.computeIfAbsent(internal(name), k -> new ArrayList<>(1)).add(candidate);
        }
        if (mask != 0) {
          hierarchy.add(candidate);
        }
      }
    }
    this.byInternalName = names;
    this.hierarchyCandidates = hierarchy;
    this.rootBits = roots;
  }

  boolean isEmpty() {
    return byInternalName.isEmpty() && hierarchyCandidates.isEmpty();
  }

  /** Candidates naming this class exactly (internal name), possibly empty. */
  List<Candidate> named(String internalName) {
    List<Candidate> result = byInternalName.get(internalName);
    return result == null ? Collections.emptyList() : result;
  }

  /** Candidates whose roots intersect {@code reachedRoots}. */
  List<Candidate> byHierarchy(long reachedRoots) {
    List<Candidate> result = new ArrayList<>(2);
    for (Candidate candidate : hierarchyCandidates) {
      if ((candidate.rootMask & reachedRoots) != 0) {
        result.add(candidate);
      }
    }
    return result;
  }

  /** The root bit of this internal name, or 0 if it is no root. */
  long rootBit(String internalName) {
    Integer bit = rootBits.get(internalName);
    return bit == null ? 0 : 1L << bit;
  }

  boolean hasRoots() {
    return !rootBits.isEmpty();
  }

  /** Which modules' libraries are present for classes of {@code loader}: computed once. */
  LoaderView view(ClassLoader loader) {
    synchronized (viewLock) {
      LoaderView view = loader == null ? bootView : views.get(loader);
      if (view != null) {
        return view;
      }
    }
    // Computed outside the lock: library checks read class files through the loader.
    LoaderView computed = LoaderView.compute(modules, this, loader);
    synchronized (viewLock) {
      if (loader == null) {
        bootView = computed;
      } else {
        views.put(loader, computed);
      }
    }
    return computed;
  }

  static String internal(String binaryName) {
    return binaryName.replace('.', '/');
  }
}
