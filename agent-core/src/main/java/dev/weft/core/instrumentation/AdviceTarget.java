package dev.weft.core.instrumentation;

import net.bytebuddy.description.method.MethodDescription;
import net.bytebuddy.matcher.ElementMatcher;

/** Receives the advice a {@link TypeInstrumentation} applies to the type being woven. */
public interface AdviceTarget {

  /**
   * Weaves {@code adviceClassName} (a class in the module's packages, named by string so the agent
   * class loader never loads it) around the matching methods. The woven code calls the advice
   * through {@code invokedynamic}; the advice runs in the module's instrumentation class loader.
   */
  void applyAdvice(ElementMatcher<? super MethodDescription> methods, String adviceClassName);

  /**
   * Copies the advice into the woven class instead. Reserved for JDK classes loaded before call
   * sites can be linked; such advice may reference only {@code dev.weft.bootstrap} and JDK types
   * and stays Java-6-shaped (see the house style). Document each use where it is made.
   */
  void applyInlinedAdvice(
      ElementMatcher<? super MethodDescription> methods, String adviceClassName);

  /**
   * Inside the methods matching {@code inMethods}, replaces every call to a method matching {@code
   * calls} with a call to {@code replacement}, a public static method of the {@code
   * dev.weft.bootstrap} class {@code replacementClass} that takes the call's receiver (for an
   * instance method) and then its arguments, and returns what the call returns. For the places
   * where advice around a whole method is too coarse: a JDK worker loop that runs one task after
   * another. Same restrictions as {@link #applyInlinedAdvice}: the woven class then references
   * {@code dev.weft.bootstrap} directly.
   */
  void replaceCalls(
      ElementMatcher<? super MethodDescription> inMethods,
      ElementMatcher<? super MethodDescription> calls,
      String replacementClass,
      String replacement);

  /**
   * Weaves plain calls to {@code dev.weft.bootstrap} methods into the matching methods, with ASM
   * alone (see {@link MethodHooks}). A class that only gets hooks is woven without loading
   * ByteBuddy: the way to instrument JDK classes loaded before the agent, which are retransformed
   * during start-up. Same restrictions as {@link #applyInlinedAdvice}.
   */
  void applyHooks(MethodHooks hooks);
}
