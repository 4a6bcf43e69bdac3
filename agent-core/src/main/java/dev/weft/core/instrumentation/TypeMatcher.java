package dev.weft.core.instrumentation;

import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.Set;

/**
 * Which types a {@link TypeInstrumentation} weaves, in a form the agent can check against raw class
 * bytes without building any ByteBuddy type description.
 *
 * <p>A type matches if its name is one of {@link #names()}, or if one of {@link #superTypes()} is
 * among its super-classes or interfaces, directly or transitively (the super-type itself included).
 * Immutable.
 */
public final class TypeMatcher {

  private final Set<String> names;
  private final Set<String> superTypes;

  private TypeMatcher(Set<String> names, Set<String> superTypes) {
    this.names = names;
    this.superTypes = superTypes;
  }

  /** Exactly these classes (binary names, e.g. {@code com.example.Foo$Bar}). */
  public static TypeMatcher named(String... classNames) {
    return new TypeMatcher(setOf(classNames), Collections.emptySet());
  }

  /** Every class that extends or implements any of these, transitively, and these themselves. */
  public static TypeMatcher hasSuperType(String... classNames) {
    return new TypeMatcher(Collections.emptySet(), setOf(classNames));
  }

  /** Matches what either matcher matches. */
  public TypeMatcher or(TypeMatcher other) {
    Set<String> n = new LinkedHashSet<>(names);
    n.addAll(other.names);
    Set<String> s = new LinkedHashSet<>(superTypes);
    s.addAll(other.superTypes);
    return new TypeMatcher(Collections.unmodifiableSet(n), Collections.unmodifiableSet(s));
  }

  public Set<String> names() {
    return names;
  }

  public Set<String> superTypes() {
    return superTypes;
  }

  private static Set<String> setOf(String... values) {
    return Collections.unmodifiableSet(new LinkedHashSet<>(Arrays.asList(values)));
  }

  @Override
  public String toString() {
    return "TypeMatcher{names=" + names + ", superTypes=" + superTypes + "}";
  }
}
