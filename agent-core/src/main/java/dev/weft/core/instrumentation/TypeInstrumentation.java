package dev.weft.core.instrumentation;

/**
 * The advice applied to one family of types.
 *
 * <p>{@link #typeMatcher()} is read once at start-up and drives the agent's byte-level pre-filter,
 * so it must not touch ByteBuddy. {@link #transform} runs only when a matching class is actually
 * loaded, so ByteBuddy method matchers belong there.
 */
public interface TypeInstrumentation {

  /** Which types to weave: by name first, then by super-type. */
  TypeMatcher typeMatcher();

  /**
   * Names the methods to weave and the advice for each. Name types in matchers by string ({@code
   * takesArgument(0, named("java.util.concurrent.ForkJoinTask"))}), not by class literal: a class
   * first loaded while the transformer runs is defined unwoven.
   */
  void transform(AdviceTarget target);
}
