package dev.weft.core.instrumentation.internal;

import dev.weft.bootstrap.WeftLogger;
import dev.weft.bootstrap.context.Context;
import dev.weft.core.api.Suppression;
import dev.weft.core.instrumentation.AdviceTarget;
import dev.weft.core.instrumentation.MethodHooks;
import java.lang.instrument.ClassFileTransformer;
import java.security.ProtectionDomain;
import java.util.ArrayList;
import java.util.List;
import net.bytebuddy.description.method.MethodDescription;
import net.bytebuddy.matcher.ElementMatcher;

/**
 * The one class file transformer Weft registers. A cheap pre-filter (ignore rules, per-loader
 * library presence, exact names, super-type roots read from the raw class bytes) decides first;
 * ByteBuddy is loaded and asked to weave only when a class actually matches, so a process that uses
 * no instrumented library never pays for it.
 */
final class WeftTransformer implements ClassFileTransformer {

  private static final WeftLogger log = WeftLogger.get("transformer");
  // Set while this thread is inside the transformer: class loading that we cause (ByteBuddy, class
  // file reads) re-enters transform() and must be let through untouched.
  private static final ThreadLocal<Boolean> busy = new ThreadLocal<>();

  private final MatchIndex index;
  private final IgnoreRules ignore;
  private final TypeHierarchy hierarchy;
  private final WeaverHolder weaver;
  private final DeferredWeaves deferred;

  WeftTransformer(MatchIndex index, IgnoreRules ignore, WeaverHolder weaver) {
    this.index = index;
    this.ignore = ignore;
    this.hierarchy = new TypeHierarchy(index);
    this.weaver = weaver;
    this.deferred = new DeferredWeaves(weaver);
  }

  @Override
  public byte[] transform(
      Module module,
      ClassLoader loader,
      String className,
      Class<?> classBeingRedefined,
      ProtectionDomain domain,
      byte[] classFile) {
    if (className == null || busy.get() != null) {
      return null;
    }
    busy.set(Boolean.TRUE);
    try {
      List<Candidate> matched = match(loader, className, classFile);
      if (matched.isEmpty()) {
        return null;
      }
      // Weft's own work (exports run with instrumentation suppressed) loading a class first.
      boolean deferByteBuddy =
          classBeingRedefined == null && Suppression.isSuppressed(Context.current());
      return weave(module, loader, className, classFile, matched, deferByteBuddy);
    } catch (Throwable t) {
      // A failed weave leaves the class exactly as it was.
      log.debug("Not transforming " + className + " after an error", t);
      return null;
    } finally {
      busy.remove();
    }
  }

  /**
   * Method hooks first, with ASM alone; then ByteBuddy, loaded only if some candidate asks for
   * advice or call replacement, and left to {@link DeferredWeaves} when Weft itself is loading the
   * class. Null when nothing changed.
   */
  private byte[] weave(
      Module module,
      ClassLoader loader,
      String className,
      byte[] classFile,
      List<Candidate> matched,
      boolean deferByteBuddy) {
    HookCollector hooks = new HookCollector();
    for (Candidate candidate : matched) {
      candidate.instrumentation.transform(hooks);
    }
    byte[] result = null;
    if (!hooks.hooks.isEmpty()) {
      result = HookWeaver.weave(classFile, hooks.hooks);
      if (result != null) {
        BootstrapReads.ensure(weaver.instrumentation(), module);
        if (log.isDebug()) {
          log.debug(
              "Transforming "
                  + className.replace('/', '.')
                  + " ("
                  + loader
                  + ") with hooks "
                  + hooks.hooks);
        }
      }
    }
    if (hooks.needsByteBuddy && deferByteBuddy) {
      deferred.add(loader, className);
    } else if (hooks.needsByteBuddy) {
      byte[] woven =
          weaver
              .get()
              .weave(module, loader, className, result != null ? result : classFile, matched);
      if (woven != null) {
        result = woven;
      }
    }
    return result;
  }

  /** The pre-filter: which candidates apply to this class? Visible for testing. */
  List<Candidate> match(ClassLoader loader, String internalName, byte[] classFile) {
    if (ignore.ignoresLoader(loader) || ignore.isExcluded(internalName)) {
      return List.of();
    }
    LoaderView view = index.view(loader);
    if (!view.anyPresent()) {
      return List.of();
    }
    List<Candidate> matched = new ArrayList<>(0);
    for (Candidate candidate : index.named(internalName)) {
      if (view.present(candidate.module)) {
        matched.add(candidate);
      }
    }
    if (view.wantedRoots != 0 && !ignore.skipsHierarchy(internalName)) {
      long reached = hierarchy.reach(loader, internalName, classFile) & view.wantedRoots;
      if (reached != 0) {
        addHierarchyMatches(view, reached, matched);
      }
    }
    return matched;
  }

  /** The same decision for a class loaded before Weft started. */
  boolean matchesLoaded(Class<?> type) {
    ClassLoader loader = type.getClassLoader();
    String internalName = MatchIndex.internal(type.getName());
    if (ignore.ignoresLoader(loader) || ignore.isExcluded(internalName)) {
      return false;
    }
    LoaderView view = index.view(loader);
    if (!view.anyPresent()) {
      return false;
    }
    for (Candidate candidate : index.named(internalName)) {
      if (view.present(candidate.module)) {
        return true;
      }
    }
    return view.wantedRoots != 0
        && !ignore.skipsHierarchy(internalName)
        && (hierarchy.reach(type) & view.wantedRoots) != 0;
  }

  private void addHierarchyMatches(LoaderView view, long reached, List<Candidate> into) {
    for (Candidate candidate : index.byHierarchy(reached)) {
      if (view.present(candidate.module) && !into.contains(candidate)) {
        into.add(candidate);
      }
    }
  }

  /** Collects the method hooks and notes whether anything else (ByteBuddy's work) was asked. */
  private static final class HookCollector implements AdviceTarget {
    final List<MethodHooks> hooks = new ArrayList<>(0);
    boolean needsByteBuddy;

    @Override
    public void applyHooks(MethodHooks methodHooks) {
      hooks.add(methodHooks);
    }

    @Override
    public void applyAdvice(ElementMatcher<? super MethodDescription> methods, String advice) {
      needsByteBuddy = true;
    }

    @Override
    public void applyInlinedAdvice(
        ElementMatcher<? super MethodDescription> methods, String advice) {
      needsByteBuddy = true;
    }

    @Override
    public void replaceCalls(
        ElementMatcher<? super MethodDescription> inMethods,
        ElementMatcher<? super MethodDescription> calls,
        String replacementClass,
        String replacement) {
      needsByteBuddy = true;
    }
  }
}
