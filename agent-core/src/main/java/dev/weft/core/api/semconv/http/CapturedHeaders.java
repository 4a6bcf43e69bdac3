package dev.weft.core.api.semconv.http;

import dev.weft.core.api.common.AttributeKey;
import dev.weft.core.api.trace.Span;
import dev.weft.core.api.trace.SpanBuilder;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Locale;

/**
 * Header names configured for capture, lower-cased, with their attribute keys built once. Setting
 * them copies the values: a header list the library hands out may be mutable.
 */
final class CapturedHeaders {

  private final String[] names;
  private final List<AttributeKey<List<String>>> keys;

  private CapturedHeaders(String[] names, List<AttributeKey<List<String>>> keys) {
    this.names = names;
    this.keys = keys;
  }

  static CapturedHeaders of(List<String> configured, String prefix) {
    List<String> names = new ArrayList<>(configured.size());
    List<AttributeKey<List<String>>> keys = new ArrayList<>(configured.size());
    for (String name : configured) {
      String lower = name.trim().toLowerCase(Locale.ROOT);
      if (!lower.isEmpty() && !names.contains(lower)) {
        names.add(lower);
        keys.add(AttributeKey.stringArrayKey(prefix + lower));
      }
    }
    return new CapturedHeaders(names.toArray(new String[0]), Collections.unmodifiableList(keys));
  }

  boolean isEmpty() {
    return names.length == 0;
  }

  int size() {
    return names.length;
  }

  /** The lower-case header name at {@code index}. */
  String name(int index) {
    return names[index];
  }

  void set(SpanBuilder span, int index, List<String> values) {
    if (values != null && !values.isEmpty()) {
      span.setAttribute(keys.get(index), copy(values));
    }
  }

  void set(Span span, int index, List<String> values) {
    if (values != null && !values.isEmpty()) {
      span.setAttribute(keys.get(index), copy(values));
    }
  }

  private static List<String> copy(List<String> values) {
    return Collections.unmodifiableList(new ArrayList<>(values));
  }

  @Override
  public String toString() {
    return Arrays.toString(names);
  }
}
