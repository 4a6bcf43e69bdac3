package dev.weft.instrumentation.javahttpclient;

import dev.weft.core.api.propagation.TextMapSetter;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** Collects what the propagator injects; the map is created on the first header only. */
final class InjectedHeaders {

  static final TextMapSetter<InjectedHeaders> SETTER = InjectedHeaders::put;

  private Map<String, List<String>> values;

  void put(String name, String value) {
    if (name == null || value == null) {
      return;
    }
    if (values == null) {
      values = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
    }
    values.put(name, Collections.singletonList(value));
  }

  boolean isEmpty() {
    return values == null;
  }

  Map<String, List<String>> values() {
    return values == null ? Collections.emptyMap() : values;
  }
}
