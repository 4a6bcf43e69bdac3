package dev.weft.core.api.logs;

import dev.weft.core.config.ConfigProperties;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * One log bridge's options, with the OpenTelemetry agent's keys ({@code <module>} is e.g. {@code
 * logback-appender}): {@code otel.instrumentation.<module>.experimental-log-attributes} (thread
 * name and id), {@code .experimental.capture-code-attributes} ({@code code.*}) and which MDC /
 * context-data keys become attributes: {@code .experimental.capture-mdc-attributes} (names, {@code
 * *} for all), and {@code .experimental.mdc-attributes.included} / {@code .excluded} (globs with
 * {@code *} and {@code ?}; a key is captured when a name or an included glob matches it and no
 * excluded glob does). Read once, in a module's singletons.
 */
public final class LogBridgeSettings {

  private final boolean threadAttributes;
  private final boolean codeAttributes;
  private final boolean allMdc;
  private final Set<String> mdcKeys;
  private final List<Pattern> includedMdc;
  private final List<Pattern> excludedMdc;

  private LogBridgeSettings(
      boolean threadAttributes,
      boolean codeAttributes,
      boolean allMdc,
      Set<String> mdcKeys,
      List<Pattern> includedMdc,
      List<Pattern> excludedMdc) {
    this.threadAttributes = threadAttributes;
    this.codeAttributes = codeAttributes;
    this.allMdc = allMdc;
    this.mdcKeys = mdcKeys;
    this.includedMdc = includedMdc;
    this.excludedMdc = excludedMdc;
  }

  public static LogBridgeSettings read(ConfigProperties config, String module) {
    String prefix = "otel.instrumentation." + module + ".";
    List<String> mdc = config.getList(prefix + "experimental.capture-mdc-attributes");
    Set<String> keys = new HashSet<>(mdc);
    return new LogBridgeSettings(
        config.getBoolean(prefix + "experimental-log-attributes", false),
        config.getBoolean(prefix + "experimental.capture-code-attributes", false),
        keys.remove("*"),
        Collections.unmodifiableSet(keys),
        globs(config.getList(prefix + "experimental.mdc-attributes.included")),
        globs(config.getList(prefix + "experimental.mdc-attributes.excluded")));
  }

  private static List<Pattern> globs(List<String> globs) {
    List<Pattern> patterns = new ArrayList<>(globs.size());
    for (String glob : globs) {
      StringBuilder regex = new StringBuilder();
      for (String part : glob.split("(?=[*?])|(?<=[*?])")) {
        if (part.equals("*")) {
          regex.append(".*");
        } else if (part.equals("?")) {
          regex.append('.');
        } else if (!part.isEmpty()) {
          regex.append(Pattern.quote(part));
        }
      }
      patterns.add(Pattern.compile(regex.toString()));
    }
    return Collections.unmodifiableList(patterns);
  }

  private static boolean anyMatches(List<Pattern> patterns, String key) {
    for (int i = 0; i < patterns.size(); i++) {
      if (patterns.get(i).matcher(key).matches()) {
        return true;
      }
    }
    return false;
  }

  /** {@code thread.name} and {@code thread.id}. */
  public boolean threadAttributes() {
    return threadAttributes;
  }

  /** {@code code.namespace}, {@code code.function}, {@code code.filepath}, {@code code.lineno}. */
  public boolean codeAttributes() {
    return codeAttributes;
  }

  /** Whether any MDC / context-data key is captured; false means don't even read the MDC. */
  public boolean capturesMdc() {
    return allMdc || !mdcKeys.isEmpty() || !includedMdc.isEmpty();
  }

  /** Whether MDC key {@code key} becomes an attribute (of the same name). */
  public boolean capturesMdcKey(String key) {
    return (allMdc || mdcKeys.contains(key) || anyMatches(includedMdc, key))
        && !anyMatches(excludedMdc, key);
  }

  @Override
  public String toString() {
    return "LogBridgeSettings{thread="
        + threadAttributes
        + ", code="
        + codeAttributes
        + ", mdc="
        + (allMdc ? "*" : mdcKeys)
        + (includedMdc.isEmpty() ? "" : " included=" + includedMdc)
        + (excludedMdc.isEmpty() ? "" : " excluded=" + excludedMdc)
        + "}";
  }
}
