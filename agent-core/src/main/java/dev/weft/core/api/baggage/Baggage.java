package dev.weft.core.api.baggage;

import dev.weft.bootstrap.context.Context;
import dev.weft.bootstrap.context.ContextKey;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Application-defined name/value pairs carried with a request across services (W3C baggage), each
 * with optional metadata (the raw property list that followed the value on the wire, e.g. {@code
 * "ttl=30;private"}).
 *
 * <p>Immutable and thread-safe. Entries keep the order in which their names were first put; a name
 * appears at most once. Read entries by name with {@link #get} or by index with {@link #nameAt},
 * {@link #valueAt} and {@link #metadataAt} ({@code 0 <= index < size()}); index loops allocate
 * nothing. Nothing is validated here: the propagators decide what may go on the wire.
 */
public final class Baggage {

  private static final ContextKey<Baggage> CONTEXT_KEY = ContextKey.named("weft-baggage");
  private static final Baggage EMPTY = new Baggage(new String[0]);

  // Triples: name, value, metadata (null when there is none).
  private final String[] entries;

  private Baggage(String[] entries) {
    this.entries = entries;
  }

  /** The baggage with no entries. */
  public static Baggage empty() {
    return EMPTY;
  }

  /** A builder with no entries. */
  public static Builder builder() {
    return new Builder(new ArrayList<>());
  }

  /** The baggage stored in {@code context}, or {@link #empty()} when it holds none. */
  public static Baggage fromContext(Context context) {
    Baggage baggage = context.get(CONTEXT_KEY);
    return baggage == null ? EMPTY : baggage;
  }

  /** The baggage of the thread's current context. */
  public static Baggage current() {
    return fromContext(Context.current());
  }

  /** {@code context} with this baggage in place of any it held. */
  public Context storeInContext(Context context) {
    return context.with(CONTEXT_KEY, this);
  }

  /** A builder starting from these entries, in this order. */
  public Builder toBuilder() {
    return new Builder(new ArrayList<>(Arrays.asList(entries)));
  }

  /** Number of entries. */
  public int size() {
    return entries.length / 3;
  }

  public boolean isEmpty() {
    return entries.length == 0;
  }

  /** The value of the entry named {@code name}, or null when there is none. */
  public String get(String name) {
    int index = indexOf(entries, name);
    return index < 0 ? null : entries[index + 1];
  }

  /**
   * The metadata of the entry named {@code name}, or null when there is no entry or no metadata.
   */
  public String getMetadata(String name) {
    int index = indexOf(entries, name);
    return index < 0 ? null : entries[index + 2];
  }

  /** The name of the entry at {@code index}. */
  public String nameAt(int index) {
    return entries[checked(index)];
  }

  /** The value of the entry at {@code index}. */
  public String valueAt(int index) {
    return entries[checked(index) + 1];
  }

  /** The metadata of the entry at {@code index}, or null when it has none. */
  public String metadataAt(int index) {
    return entries[checked(index) + 2];
  }

  private int checked(int index) {
    if (index < 0 || index >= size()) {
      throw new IndexOutOfBoundsException("index " + index + ", size " + size());
    }
    return index * 3;
  }

  private static int indexOf(String[] triples, String name) {
    for (int i = 0; i < triples.length; i += 3) {
      if (triples[i].equals(name)) {
        return i;
      }
    }
    return -1;
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof Baggage && Arrays.equals(entries, ((Baggage) other).entries);
  }

  @Override
  public int hashCode() {
    return Arrays.hashCode(entries);
  }

  @Override
  public String toString() {
    StringBuilder out = new StringBuilder("Baggage{");
    for (int i = 0; i < entries.length; i += 3) {
      out.append(i == 0 ? "" : ", ").append(entries[i]).append('=').append(entries[i + 1]);
      if (entries[i + 2] != null) {
        out.append(';').append(entries[i + 2]);
      }
    }
    return out.append('}').toString();
  }

  /**
   * Collects entries for a new {@link Baggage}. Not thread-safe; use it on one thread, then call
   * {@link #build()}. A null or empty name, or a null value, is ignored rather than thrown on, so
   * that code on a request path never fails because of baggage.
   */
  public static final class Builder {
    private final List<String> entries;

    private Builder(List<String> entries) {
      this.entries = entries;
    }

    /** Sets {@code name} to {@code value} without metadata. */
    public Builder put(String name, String value) {
      return put(name, value, null);
    }

    /**
     * Sets {@code name} to {@code value} with {@code metadata} (null or empty: none). An existing
     * entry keeps its position and gets the new value and metadata.
     */
    public Builder put(String name, String value, String metadata) {
      if (name == null || name.isEmpty() || value == null) {
        return this;
      }
      String meta = metadata == null || metadata.isEmpty() ? null : metadata;
      for (int i = 0; i < entries.size(); i += 3) {
        if (entries.get(i).equals(name)) {
          entries.set(i + 1, value);
          entries.set(i + 2, meta);
          return this;
        }
      }
      entries.add(name);
      entries.add(value);
      entries.add(meta);
      return this;
    }

    /** Removes the entry named {@code name}, if any. */
    public Builder remove(String name) {
      for (int i = 0; i < entries.size(); i += 3) {
        if (entries.get(i).equals(name)) {
          entries.subList(i, i + 3).clear();
          return this;
        }
      }
      return this;
    }

    /** Number of entries so far. */
    public int size() {
      return entries.size() / 3;
    }

    public Baggage build() {
      return entries.isEmpty() ? EMPTY : new Baggage(entries.toArray(new String[0]));
    }
  }
}
