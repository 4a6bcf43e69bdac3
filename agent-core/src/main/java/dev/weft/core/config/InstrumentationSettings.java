package dev.weft.core.config;

import java.util.List;

/**
 * Whether an instrumentation module is switched on, by the OpenTelemetry Java agent's rules.
 *
 * <p>The effective default is {@code otel.instrumentation.common.default-enabled} (default true)
 * and the module's own default. When that is true, any of the module's names set to {@code
 * otel.instrumentation.<name>.enabled=false} disables it; when false, any name set to {@code true}
 * enables it. Stateless and thread-safe; call once per module at start-up.
 */
public final class InstrumentationSettings {

  static final String COMMON_DEFAULT_ENABLED = "otel.instrumentation.common.default-enabled";

  private InstrumentationSettings() {}

  /** {@code names} is the module's main name followed by its aliases. */
  public static boolean isModuleEnabled(
      ConfigProperties config, List<String> names, boolean moduleDefaultEnabled) {
    boolean defaultEnabled =
        config.getBoolean(COMMON_DEFAULT_ENABLED, true) && moduleDefaultEnabled;
    boolean overridden = false;
    for (String name : names) {
      // No early exit: every name is read so each bad value is reported at start-up.
      overridden |= config.getBoolean(enabledKey(name), defaultEnabled) != defaultEnabled;
    }
    return overridden ? !defaultEnabled : defaultEnabled;
  }

  /** {@code otel.instrumentation.<name>.enabled}. */
  public static String enabledKey(String name) {
    return "otel.instrumentation." + name + ".enabled";
  }
}
