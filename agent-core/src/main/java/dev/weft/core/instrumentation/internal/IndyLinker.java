package dev.weft.core.instrumentation.internal;

import dev.weft.bootstrap.WeftLogger;
import java.lang.invoke.CallSite;
import java.lang.invoke.ConstantCallSite;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.util.Map;
import java.util.WeakHashMap;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Links each woven call site, on its first execution, to the advice method as loaded by the
 * instrumentation class loader of (module, the woven class's loader). Called through {@code
 * WeftIndyDispatcher.bootstrap}; never throws: a call site that cannot be linked becomes a no-op,
 * and the failure is counted as a suppressed advice error.
 */
final class IndyLinker {

  private static final WeftLogger log = WeftLogger.get("linker");

  private final ModuleRegistry registry;
  private final ClassLoader agentLoader;
  private final AdviceErrors errors;
  private final Object lock = new Object();
  // @GuardedBy("lock"); weak keys so an application's class loader stays collectable.
  private final Map<ClassLoader, Map<String, InstrumentationClassLoader>> loaders =
      new WeakHashMap<>();
  private final Map<String, InstrumentationClassLoader> bootLoaders = new ConcurrentHashMap<>();

  IndyLinker(ModuleRegistry registry, ClassLoader agentLoader, AdviceErrors errors) {
    this.registry = registry;
    this.agentLoader = agentLoader;
    this.errors = errors;
  }

  /** Bootstrap arguments: module id, advice class, advice method name, its descriptor. */
  CallSite link(MethodHandles.Lookup caller, String name, MethodType type, Object[] args) {
    try {
      ModuleEntry module = registry.byId((String) args[0]);
      if (module == null) {
        throw new IllegalStateException("unknown instrumentation module " + args[0]);
      }
      ClassLoader application = caller.lookupClass().getClassLoader();
      ClassLoader loader = loaderFor(module, application);
      Class<?> advice = Class.forName((String) args[1], true, loader);
      MethodType adviceType = MethodType.fromMethodDescriptorString((String) args[3], loader);
      MethodHandle target =
          MethodHandles.privateLookupIn(advice, MethodHandles.lookup())
              .findStatic(advice, (String) args[2], adviceType);
      if (log.isDebug()) {
        log.debug("Linked " + caller.lookupClass().getName() + " to " + args[1] + "." + args[2]);
      }
      return new ConstantCallSite(target.asType(type));
    } catch (Throwable t) {
      errors.record(t);
      log.debug("Could not link advice " + args[1] + " into " + caller.lookupClass(), t);
      return new ConstantCallSite(MethodHandles.empty(type));
    }
  }

  InstrumentationClassLoader loaderFor(ModuleEntry module, ClassLoader application) {
    if (application == null) {
      return bootLoaders.computeIfAbsent(
          module.id(), id -> new InstrumentationClassLoader(module, null, agentLoader));
    }
    synchronized (lock) {
      return loaders
          .computeIfAbsent(application, k -> new ConcurrentHashMap<>())
          .computeIfAbsent(
              module.id(), id -> new InstrumentationClassLoader(module, application, agentLoader));
    }
  }
}
