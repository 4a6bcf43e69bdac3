package dev.weft.bootstrap.context;

/**
 * A key for a value held in a {@link Context}. Keys compare by identity: two keys with the same
 * name are different keys. Create them once, as constants.
 */
public final class ContextKey<T> {

  private final String name;

  private ContextKey(String name) {
    this.name = name;
  }

  /** A new key; {@code name} is for debugging only. */
  public static <T> ContextKey<T> named(String name) {
    return new ContextKey<>(name);
  }

  @Override
  public String toString() {
    return name;
  }
}
