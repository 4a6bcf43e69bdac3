package dev.weft.sdk.trace;

import dev.weft.core.api.common.AttributeKey;
import dev.weft.core.api.common.AttributeType;
import dev.weft.core.api.common.Attributes;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;

/**
 * A recording span's attributes while it is open: keys and values in one array, a count limit (new
 * keys past it are dropped and counted, existing keys may still be replaced) and a value length
 * limit. Confined to the span's owning thread; not thread-safe.
 */
final class SpanAttributes {

  private final int countLimit;
  private final int lengthLimit;
  // Alternating key, value.
  private Object[] data;
  private int size;
  private int dropped;

  SpanAttributes(int countLimit, int lengthLimit) {
    this.countLimit = countLimit;
    this.lengthLimit = lengthLimit;
    this.data = new Object[Math.min(countLimit, 8) * 2];
  }

  void put(AttributeKey<?> key, Object value) {
    Object limited = truncate(key, value, lengthLimit);
    for (int i = 0; i < size * 2; i += 2) {
      if (data[i].equals(key)) {
        data[i + 1] = limited;
        return;
      }
    }
    if (size >= countLimit) {
      dropped++;
      return;
    }
    if (size * 2 == data.length) {
      data = Arrays.copyOf(data, Math.min(countLimit, Math.max(8, size * 2)) * 2);
    }
    data[size * 2] = key;
    data[size * 2 + 1] = limited;
    size++;
  }

  void putAll(Attributes attributes) {
    for (int i = 0; i < attributes.size(); i++) {
      put(attributes.keyAt(i), attributes.valueAt(i));
    }
  }

  int size() {
    return size;
  }

  int dropped() {
    return dropped;
  }

  @SuppressWarnings("unchecked")
  Attributes toAttributes() {
    Attributes.Builder builder = Attributes.builder();
    for (int i = 0; i < size * 2; i += 2) {
      builder.put((AttributeKey<Object>) data[i], data[i + 1]);
    }
    return builder.build();
  }

  /**
   * {@code attributes} cut to {@code countLimit} entries (the first ones) with long strings
   * truncated; the same instance when nothing needs changing, which is the common case.
   */
  @SuppressWarnings("unchecked")
  static Attributes limit(Attributes attributes, int countLimit, int lengthLimit) {
    int kept = Math.min(attributes.size(), countLimit);
    if (kept == attributes.size() && !needsTruncation(attributes, lengthLimit)) {
      return attributes;
    }
    Attributes.Builder builder = Attributes.builder();
    for (int i = 0; i < kept; i++) {
      AttributeKey<Object> key = (AttributeKey<Object>) attributes.keyAt(i);
      builder.put(key, truncate(key, attributes.valueAt(i), lengthLimit));
    }
    return builder.build();
  }

  private static boolean needsTruncation(Attributes attributes, int lengthLimit) {
    if (lengthLimit == SpanLimits.UNLIMITED) {
      return false;
    }
    for (int i = 0; i < attributes.size(); i++) {
      Object value = attributes.valueAt(i);
      if (truncate(attributes.keyAt(i), value, lengthLimit) != value) {
        return true;
      }
    }
    return false;
  }

  /** {@code value} with strings cut to {@code limit} chars; the same instance when short enough. */
  static Object truncate(AttributeKey<?> key, Object value, int limit) {
    if (limit == SpanLimits.UNLIMITED) {
      return value;
    }
    if (value instanceof String) {
      String text = (String) value;
      return text.length() > limit ? text.substring(0, limit) : text;
    }
    if (value instanceof List && key.type() == AttributeType.STRING_ARRAY) {
      return truncateAll((List<?>) value, limit);
    }
    return value;
  }

  private static Object truncateAll(List<?> values, int limit) {
    List<Object> copy = null;
    for (int i = 0; i < values.size(); i++) {
      Object element = values.get(i);
      if (element instanceof String && ((String) element).length() > limit) {
        if (copy == null) {
          copy = new ArrayList<>(values);
        }
        copy.set(i, ((String) element).substring(0, limit));
      }
    }
    return copy == null ? values : Collections.unmodifiableList(copy);
  }
}
