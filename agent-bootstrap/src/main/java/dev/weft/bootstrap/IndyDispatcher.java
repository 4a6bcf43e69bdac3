package dev.weft.bootstrap;

import java.lang.invoke.CallSite;
import java.lang.invoke.ConstantCallSite;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;

/**
 * The bootstrap method that every woven {@code invokedynamic} call site names, and the handler that
 * counts errors suppressed in advice.
 *
 * <p>At start-up agent-core copies this class into {@code java.lang} as {@code
 * java.lang.WeftIndyDispatcher}: every class loader, including ones that refuse to delegate
 * anything but {@code java.*} (OSGi, JBoss Modules), resolves {@code java.lang}, so woven code
 * links everywhere. This original in {@code dev.weft.bootstrap} is the fallback when that copy
 * cannot be made. Because it is copied into {@code java.base}, it references JDK types only, and it
 * must never throw: until agent-core sets the handles, or when linking fails, a call site links to
 * a no-op that returns the default value, which advice treats as "nothing started".
 */
public final class IndyDispatcher {

  // (Lookup, String, MethodType, Object[]) -> CallSite; set once by agent-core.
  private static volatile MethodHandle linker;
  // (Throwable) -> void; set once by agent-core.
  private static volatile MethodHandle suppressedHandler;

  private IndyDispatcher() {}

  public static CallSite bootstrap(
      MethodHandles.Lookup lookup, String name, MethodType type, Object... args) {
    MethodHandle current = linker;
    if (current != null) {
      try {
        return (CallSite) current.invokeExact(lookup, name, type, args);
      } catch (Throwable ignored) {
        // The linker reports its own failures; a broken link must not break the application.
      }
    }
    return new ConstantCallSite(MethodHandles.empty(type));
  }

  /** Woven into every advice's suppression handler: counts and reports, never throws. */
  public static void suppressed(Throwable error) {
    MethodHandle current = suppressedHandler;
    if (current != null) {
      try {
        current.invokeExact(error);
      } catch (Throwable ignored) {
        // Reporting must never turn a suppressed error into a thrown one.
      }
    }
  }
}
