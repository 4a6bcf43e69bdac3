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

  /** Names the methods to weave and the advice for each. */
  void transform(AdviceTarget target);
}
