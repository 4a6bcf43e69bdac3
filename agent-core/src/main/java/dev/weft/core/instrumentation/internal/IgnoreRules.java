package dev.weft.core.instrumentation.internal;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Classes and class loaders Weft never weaves, checked before any matching: the JDK (unless a
 * module names a JDK class exactly), the agent itself, generated classes, and the user's {@code
 * otel.javaagent.exclude-classes} and {@code otel.javaagent.exclude-class-loaders}. Immutable.
 */
final class IgnoreRules {

  // Internal-name prefixes: matched only by exact name, never by super-type.
  private static final String[] PLATFORM_PREFIXES = {
    "java/",
    "jdk/",
    "sun/",
    "com/sun/",
    "dev/weft/bootstrap/",
    "dev/weft/core/",
    "dev/weft/sdk/",
    "dev/weft/instrumentation/",
    "dev/weft/shaded/",
  };
  private static final String[] GENERATED_MARKERS = {"$$Lambda", "$Proxy", "$$FastClass"};
  private static final String[] AGENT_LOADER_PREFIXES = {
    "dev.weft.bootstrap.", "dev.weft.core.", "jdk.internal.reflect.DelegatingClassLoader",
  };

  private final Set<String> excludedExact = new HashSet<>();
  private final List<String> excludedPrefixes = new ArrayList<>();
  private final Set<String> excludedLoaders;

  /**
   * @param excludeClasses binary class names, or prefixes ending in {@code *}
   * @param excludeLoaders class loader class names
   */
  IgnoreRules(List<String> excludeClasses, List<String> excludeLoaders) {
    for (String pattern : excludeClasses) {
      String internal = MatchIndex.internal(pattern.trim());
      if (internal.endsWith("*")) {
        excludedPrefixes.add(internal.substring(0, internal.length() - 1));
      } else if (!internal.isEmpty()) {
        excludedExact.add(internal);
      }
    }
    this.excludedLoaders = new HashSet<>(excludeLoaders);
  }

  /** The loader is Weft's own, a JDK reflection loader, or excluded by the user. */
  boolean ignoresLoader(ClassLoader loader) {
    if (loader == null) {
      return false;
    }
    String name = loader.getClass().getName();
    for (String prefix : AGENT_LOADER_PREFIXES) {
      if (name.startsWith(prefix)) {
        return true;
      }
    }
    return !excludedLoaders.isEmpty() && excludedLoaders.contains(name);
  }

  /** The user excluded this class (internal name). */
  boolean isExcluded(String internalName) {
    if (excludedExact.contains(internalName)) {
      return true;
    }
    for (String prefix : excludedPrefixes) {
      if (internalName.startsWith(prefix)) {
        return true;
      }
    }
    return false;
  }

  /** Never matched by super-type: the platform, Weft, and generated classes. */
  boolean skipsHierarchy(String internalName) {
    for (String prefix : PLATFORM_PREFIXES) {
      if (internalName.startsWith(prefix)) {
        return true;
      }
    }
    for (String marker : GENERATED_MARKERS) {
      if (internalName.contains(marker)) {
        return true;
      }
    }
    return false;
  }
}
