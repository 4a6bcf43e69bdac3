package dev.weft.core.api.common;

import java.util.Arrays;

/**
 * An immutable, ordered set of attributes with unique keys (a later put of the same key replaces
 * the earlier value in place). Stored as one array of alternating keys and values: attribute sets
 * are small and mostly iterated, rarely looked up.
 */
public final class Attributes {

  private static final Attributes EMPTY = new Attributes(new Object[0], 0);

  private final Object[] data;
  private final int size;
  // Cached on first use, racy-single-check as in String: metric series are looked up by these.
  private int hash;

  private Attributes(Object[] data, int size) {
    this.data = data;
    this.size = size;
  }

  public static Attributes empty() {
    return EMPTY;
  }

  public static Builder builder() {
    return new Builder(8);
  }

  /** Number of attributes. */
  public int size() {
    return size;
  }

  public boolean isEmpty() {
    return size == 0;
  }

  /** The key at {@code index}, in insertion order. */
  public AttributeKey<?> keyAt(int index) {
    return (AttributeKey<?>) data[index * 2];
  }

  /** The value at {@code index}. */
  public Object valueAt(int index) {
    return data[index * 2 + 1];
  }

  /** The value of {@code key}, or null. */
  @SuppressWarnings("unchecked")
  public <T> T get(AttributeKey<T> key) {
    for (int i = 0; i < size; i++) {
      if (data[i * 2].equals(key)) {
        return (T) data[i * 2 + 1];
      }
    }
    return null;
  }

  /** A builder starting with these attributes. */
  public Builder toBuilder() {
    Builder builder = new Builder(Math.max(8, size));
    for (int i = 0; i < size; i++) {
      builder.putUnchecked((AttributeKey<?>) data[i * 2], data[i * 2 + 1]);
    }
    return builder;
  }

  @Override
  public boolean equals(Object other) {
    if (!(other instanceof Attributes)) {
      return false;
    }
    Attributes that = (Attributes) other;
    if (size != that.size) {
      return false;
    }
    for (int i = 0; i < size; i++) {
      Object value = that.get((AttributeKey<?>) data[i * 2]);
      if (value == null || !value.equals(data[i * 2 + 1])) {
        return false;
      }
    }
    return true;
  }

  @Override
  public int hashCode() {
    int cached = hash;
    if (cached == 0) {
      for (int i = 0; i < size; i++) {
        cached += data[i * 2].hashCode() ^ data[i * 2 + 1].hashCode();
      }
      hash = cached;
    }
    return cached;
  }

  @Override
  public String toString() {
    StringBuilder out = new StringBuilder("{");
    for (int i = 0; i < size; i++) {
      out.append(i == 0 ? "" : ", ").append(data[i * 2]).append('=').append(data[i * 2 + 1]);
    }
    return out.append('}').toString();
  }

  /** Collects attributes; a null value removes nothing and is ignored. Not thread-safe. */
  public static final class Builder {
    private Object[] data;
    private int size;

    private Builder(int capacity) {
      data = new Object[capacity * 2];
    }

    public <T> Builder put(AttributeKey<T> key, T value) {
      if (key != null && value != null) {
        putUnchecked(key, value);
      }
      return this;
    }

    public Builder put(String key, String value) {
      return put(AttributeKey.stringKey(key), value);
    }

    public Builder put(String key, long value) {
      return put(AttributeKey.longKey(key), value);
    }

    public Builder put(String key, boolean value) {
      return put(AttributeKey.booleanKey(key), value);
    }

    public Builder put(String key, double value) {
      return put(AttributeKey.doubleKey(key), value);
    }

    public Builder putAll(Attributes attributes) {
      for (int i = 0; i < attributes.size; i++) {
        putUnchecked(attributes.keyAt(i), attributes.valueAt(i));
      }
      return this;
    }

    public int size() {
      return size;
    }

    void putUnchecked(AttributeKey<?> key, Object value) {
      for (int i = 0; i < size; i++) {
        if (data[i * 2].equals(key)) {
          data[i * 2 + 1] = value;
          return;
        }
      }
      if (size * 2 == data.length) {
        data = Arrays.copyOf(data, Math.max(16, data.length * 2));
      }
      data[size * 2] = key;
      data[size * 2 + 1] = value;
      size++;
    }

    public Attributes build() {
      return size == 0 ? EMPTY : new Attributes(Arrays.copyOf(data, size * 2), size);
    }
  }
}
