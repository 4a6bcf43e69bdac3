package dev.weft.core.config;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/** Validates and splits {@code otel.javaagent.exclude-classes}: exact names and {@code prefix*}. */
final class ClassExclusions {

  private ClassExclusions() {}

  /** The usable entries; an entry with a {@code *} anywhere but at its end warns and is dropped. */
  static List<String> read(ConfigProperties config, String key) {
    List<String> valid = new ArrayList<>();
    List<String> invalid = new ArrayList<>();
    for (String entry : config.getList(key)) {
      int star = entry.indexOf('*');
      if (star < 0 || star == entry.length() - 1) {
        valid.add(entry);
      } else {
        invalid.add(entry);
      }
    }
    if (!invalid.isEmpty()) {
      config.warnInvalid(
          key,
          config.getString(key),
          "'*' may only end an entry (a prefix pattern), ignoring " + String.join(", ", invalid),
          valid);
    }
    return Collections.unmodifiableList(valid);
  }

  static Set<String> exactNames(List<String> entries) {
    Set<String> names = new HashSet<>();
    for (String entry : entries) {
      if (!entry.endsWith("*")) {
        names.add(entry);
      }
    }
    return Collections.unmodifiableSet(names);
  }

  static String[] prefixes(List<String> entries) {
    List<String> prefixes = new ArrayList<>();
    for (String entry : entries) {
      if (entry.endsWith("*")) {
        prefixes.add(entry.substring(0, entry.length() - 1));
      }
    }
    return prefixes.toArray(new String[0]);
  }
}
