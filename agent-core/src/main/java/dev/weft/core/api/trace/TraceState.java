package dev.weft.core.api.trace;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * The W3C {@code tracestate}: vendor key/value pairs carried with a span context, in order (most
 * recently updated first). Immutable. Parsing and validation live with the W3C propagator.
 */
public final class TraceState {

  private static final TraceState EMPTY = new TraceState(Collections.emptyList());

  // Alternating key, value.
  private final List<String> entries;

  private TraceState(List<String> entries) {
    this.entries = entries;
  }

  public static TraceState empty() {
    return EMPTY;
  }

  /**
   * A trace state of already validated entries, alternating key and value, most recent first.
   * Callers (the propagator) guarantee the W3C rules; this constructor does not check them.
   */
  public static TraceState ofValidated(List<String> keysAndValues) {
    if (keysAndValues.isEmpty()) {
      return EMPTY;
    }
    if (keysAndValues.size() % 2 != 0) {
      throw new IllegalArgumentException("keys and values must alternate");
    }
    return new TraceState(Collections.unmodifiableList(new ArrayList<>(keysAndValues)));
  }

  public boolean isEmpty() {
    return entries.isEmpty();
  }

  /** Number of key/value members. */
  public int size() {
    return entries.size() / 2;
  }

  public String keyAt(int index) {
    return entries.get(index * 2);
  }

  public String valueAt(int index) {
    return entries.get(index * 2 + 1);
  }

  /** The value for {@code key}, or null. */
  public String get(String key) {
    for (int i = 0; i < entries.size(); i += 2) {
      if (entries.get(i).equals(key)) {
        return entries.get(i + 1);
      }
    }
    return null;
  }

  /** The header form, {@code k1=v1,k2=v2}; empty string when empty. */
  public String toHeader() {
    if (entries.isEmpty()) {
      return "";
    }
    StringBuilder out = new StringBuilder();
    for (int i = 0; i < entries.size(); i += 2) {
      if (i > 0) {
        out.append(',');
      }
      out.append(entries.get(i)).append('=').append(entries.get(i + 1));
    }
    return out.toString();
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof TraceState && entries.equals(((TraceState) other).entries);
  }

  @Override
  public int hashCode() {
    return entries.hashCode();
  }

  @Override
  public String toString() {
    return toHeader();
  }
}
