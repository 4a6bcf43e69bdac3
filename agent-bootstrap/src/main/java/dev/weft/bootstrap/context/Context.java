package dev.weft.bootstrap.context;

/**
 * An immutable set of values (the current span, baggage, ...) carried with a unit of work, and the
 * thread's current one.
 *
 * <p>Lives in the bootstrap class loader so that code woven into JDK classes (executors, threads)
 * can carry it across threads. Values are stored in a small array: contexts hold a handful of
 * entries and are read far more often than written. Thread-safe (immutable).
 */
public final class Context {

  private static final Context ROOT = new Context(new Object[0]);

  // Alternating key, value.
  private final Object[] entries;

  private Context(Object[] entries) {
    this.entries = entries;
  }

  /** The empty context. */
  public static Context root() {
    return ROOT;
  }

  /** This thread's current context; {@link #root()} when none was made current. */
  public static Context current() {
    return ContextStorage.current();
  }

  /** The value for {@code key}, or null. */
  @SuppressWarnings("unchecked")
  public <V> V get(ContextKey<V> key) {
    for (int i = 0; i < entries.length; i += 2) {
      if (entries[i] == key) {
        return (V) entries[i + 1];
      }
    }
    return null;
  }

  /** A context with {@code key} set to {@code value} (replacing any previous value). */
  public <V> Context with(ContextKey<V> key, V value) {
    for (int i = 0; i < entries.length; i += 2) {
      if (entries[i] == key) {
        if (entries[i + 1] == value) {
          return this;
        }
        Object[] copy = entries.clone();
        copy[i + 1] = value;
        return new Context(copy);
      }
    }
    Object[] copy = new Object[entries.length + 2];
    System.arraycopy(entries, 0, copy, 0, entries.length);
    copy[entries.length] = key;
    copy[entries.length + 1] = value;
    return new Context(copy);
  }

  /**
   * Makes this the thread's current context until the returned scope is closed. Making the already
   * current context current again returns {@link Scope#NOOP} and allocates nothing.
   */
  public Scope makeCurrent() {
    return ContextStorage.attach(this);
  }

  @Override
  public String toString() {
    StringBuilder out = new StringBuilder("Context{");
    for (int i = 0; i < entries.length; i += 2) {
      out.append(i == 0 ? "" : ", ").append(entries[i]).append('=').append(entries[i + 1]);
    }
    return out.append('}').toString();
  }
}
