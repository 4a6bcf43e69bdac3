package dev.weft.core.config;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

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
}
