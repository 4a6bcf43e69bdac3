package dev.weft.core.api.logs;

import dev.weft.core.config.ConfigProperties;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * One log bridge's options, with the OpenTelemetry agent's keys ({@code <module>} is e.g. {@code
 * logback-appender}): {@code otel.instrumentation.<module>.experimental-log-attributes} (thread
 * name and id), {@code .experimental.capture-code-attributes} ({@code code.*}) and {@code
 * .experimental.capture-mdc-attributes} (MDC / context-data keys as attributes, {@code *} for all).
 * Read once, in a module's singletons.
 */
public final class LogBridgeSettings {

  private final boolean threadAttributes;
  private final boolean codeAttributes;
  private final boolean allMdc;
  private final Set<String> mdcKeys;

  private LogBridgeSettings(
      boolean threadAttributes, boolean codeAttributes, boolean allMdc, Set<String> mdcKeys) {
    this.threadAttributes = threadAttributes;
    this.codeAttributes = codeAttributes;
    this.allMdc = allMdc;
    this.mdcKeys = mdcKeys;
  }

  public static LogBridgeSettings read(ConfigProperties config, String module) {
    String prefix = "otel.instrumentation." + module + ".";
    List<String> mdc = config.getList(prefix + "experimental.capture-mdc-attributes");
    Set<String> keys = new HashSet<>(mdc);
    return new LogBridgeSettings(
        config.getBoolean(prefix + "experimental-log-attributes", false),
        config.getBoolean(prefix + "experimental.capture-code-attributes", false),
        keys.remove("*"),
        Collections.unmodifiableSet(keys));
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
    return allMdc || !mdcKeys.isEmpty();
  }

  /** Whether MDC key {@code key} becomes an attribute (of the same name). */
  public boolean capturesMdcKey(String key) {
    return allMdc || mdcKeys.contains(key);
  }

  @Override
  public String toString() {
    return "LogBridgeSettings{thread="
        + threadAttributes
        + ", code="
        + codeAttributes
        + ", mdc="
        + (allMdc ? "*" : mdcKeys)
        + "}";
  }
}
