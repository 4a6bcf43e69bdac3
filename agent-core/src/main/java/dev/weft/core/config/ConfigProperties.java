package dev.weft.core.config;

import dev.weft.bootstrap.WeftLogger;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;

/**
 * The agent's flat configuration, resolved like the OpenTelemetry Java agent's.
 *
 * <p>A key {@code otel.foo.bar-baz} is looked up, highest precedence first, in the agent arguments,
 * the system property of that exact name, the environment variable {@code OTEL_FOO_BAR_BAZ}, the
 * properties file named by {@code otel.javaagent.configuration-file}, and finally the caller's
 * default. An empty or blank value at any level counts as unset; other values are trimmed.
 *
 * <p>Immutable snapshot taken at construction; thread-safe. Getters never throw and never return
 * null unless the default is null. A value that cannot be used logs exactly one WARN line naming
 * the key, its environment variable, the value and the fallback, at most once per key per instance.
 */
public final class ConfigProperties {

  // Set once at start-up; volatile because modules read it from application threads.
  private static volatile ConfigProperties agentConfig;
  private static final WeftLogger log = WeftLogger.get("config");
  private static final String[] SENSITIVE_PARTS = {"headers", "password", "secret", "key"};

  private final Map<String, String> agentArgs;
  private final Map<String, String> systemProperties;
  private final Map<String, String> environment;
  private final Map<String, String> file;
  private final Consumer<String> warnings;
  private final Set<String> warnedKeys = ConcurrentHashMap.newKeySet();

  private ConfigProperties(
      Map<String, String> agentArgs,
      Map<String, String> systemProperties,
      Map<String, String> environment,
      Consumer<String> warnings) {
    this.agentArgs = copy(agentArgs);
    this.systemProperties = copy(systemProperties);
    this.environment = copy(environment);
    this.warnings = warnings;
    String filePath = lookup(ConfigFile.KEY, Collections.emptyMap());
    this.file =
        filePath == null
            ? Collections.emptyMap()
            : ConfigFile.load(filePath, this.systemProperties.get("user.home"), warnings);
  }

  /**
   * Configuration from explicit sources, for tests and embedders; the maps are copied. The
   * configuration file, if one is named, is read now, with {@code user.home} taken from {@code
   * systemProperties} for {@code ~} expansion.
   */
  public static ConfigProperties create(
      Map<String, String> agentArgs,
      Map<String, String> systemProperties,
      Map<String, String> environment) {
    return create(agentArgs, systemProperties, environment, log::warn);
  }

  // Visible for testing: collects the warning lines instead of logging them.
  static ConfigProperties create(
      Map<String, String> agentArgs,
      Map<String, String> systemProperties,
      Map<String, String> environment,
      Consumer<String> warnings) {
    return new ConfigProperties(agentArgs, systemProperties, environment, warnings);
  }

  /**
   * The configuration the agent started with, agent arguments included: what instrumentation
   * modules read their options from (once, when their singletons are built). Outside a started
   * agent (unit tests, the command line) this JVM's system properties and environment.
   */
  public static ConfigProperties agent() {
    ConfigProperties config = agentConfig;
    return config != null ? config : fromEnvironment(null);
  }

  /** Called once by {@code AgentInstaller}, before any class is woven. */
  public static void setAgent(ConfigProperties config) {
    agentConfig = config;
  }

  /**
   * Configuration of this JVM: {@code agentArgs} as given to {@code premain}/{@code agentmain}
   * (nullable), a snapshot of the system properties, and the environment.
   */
  public static ConfigProperties fromEnvironment(String agentArgs) {
    Properties properties = System.getProperties();
    Map<String, String> snapshot = new HashMap<>();
    for (String name : properties.stringPropertyNames()) {
      snapshot.put(name, properties.getProperty(name));
    }
    return create(parseAgentArgs(agentArgs), snapshot, System.getenv());
  }

  /**
   * Parses {@code otel.x=1,otel.y=2}; keys are taken literally and both sides trimmed. A segment
   * without {@code =} continues the previous value, so {@code otel.traces.exporter=otlp,console}
   * keeps both exporters. Null or blank gives an empty map.
   */
  public static Map<String, String> parseAgentArgs(String agentArgs) {
    return AgentArgs.parse(agentArgs, log::warn);
  }

  /** {@code otel.foo.bar-baz} becomes {@code OTEL_FOO_BAR_BAZ}. */
  public static String toEnvName(String key) {
    return key.toUpperCase(Locale.ROOT).replace('.', '_').replace('-', '_');
  }

  /** The trimmed value, or null when unset at every level. */
  public String getString(String key) {
    return lookup(key, file);
  }

  public String getString(String key, String defaultValue) {
    String value = getString(key);
    return value == null ? defaultValue : value;
  }

  /** {@code true} or {@code false} in any case; anything else warns. */
  public boolean getBoolean(String key, boolean defaultValue) {
    String value = getString(key);
    if (value == null) {
      return defaultValue;
    }
    if (value.equalsIgnoreCase("true")) {
      return true;
    }
    if (value.equalsIgnoreCase("false")) {
      return false;
    }
    return invalid(key, value, "expected true or false", defaultValue);
  }

  public int getInt(String key, int defaultValue) {
    String value = getString(key);
    if (value == null) {
      return defaultValue;
    }
    try {
      return Integer.parseInt(value);
    } catch (NumberFormatException e) {
      return invalid(key, value, "expected an integer", defaultValue);
    }
  }

  public long getLong(String key, long defaultValue) {
    String value = getString(key);
    if (value == null) {
      return defaultValue;
    }
    try {
      return Long.parseLong(value);
    } catch (NumberFormatException e) {
      return invalid(key, value, "expected an integer", defaultValue);
    }
  }

  /** A finite decimal number; NaN and infinities warn. */
  public double getDouble(String key, double defaultValue) {
    String value = getString(key);
    if (value == null) {
      return defaultValue;
    }
    try {
      double parsed = Double.parseDouble(value);
      if (!Double.isNaN(parsed) && !Double.isInfinite(parsed)) {
        return parsed;
      }
    } catch (NumberFormatException e) {
      // reported below
    }
    return invalid(key, value, "expected a number", defaultValue);
  }

  /**
   * A non-negative integer with an optional unit {@code ms}, {@code s}, {@code m}, {@code h} or
   * {@code d}; a bare integer is milliseconds. Negative or malformed values warn.
   */
  public Duration getDuration(String key, Duration defaultValue) {
    String value = getString(key);
    if (value == null) {
      return defaultValue;
    }
    Duration parsed = ConfigValues.parseDuration(value);
    return parsed != null
        ? parsed
        : invalid(
            key,
            value,
            "expected a non-negative duration in milliseconds or with a unit ms, s, m, h or d",
            defaultValue);
  }

  /** Comma-separated entries, trimmed, empty ones dropped; empty (never null) when unset. */
  public List<String> getList(String key) {
    return ConfigValues.splitList(getString(key));
  }

  /**
   * {@code k=v,k2=v2} with keys and values trimmed and values percent-decoded; empty when unset.
   * Entries without {@code =} or with an empty key are skipped, with one warning naming them.
   */
  public Map<String, String> getMap(String key) {
    Map<String, String> result = new LinkedHashMap<>();
    List<String> malformed = new ArrayList<>();
    List<String> entries = getList(key);
    for (int i = 0; i < entries.size(); i++) {
      String entry = entries.get(i);
      int eq = entry.indexOf('=');
      String name = eq < 0 ? "" : entry.substring(0, eq).trim();
      if (name.isEmpty()) {
        // Never echo a credential: a header typed as "Authorization: Bearer x" lands here.
        malformed.add(isSensitive(key) ? "#" + (i + 1) + " (value hidden)" : "'" + entry + "'");
      } else {
        result.put(name, ConfigValues.percentDecode(entry.substring(eq + 1).trim()));
      }
    }
    if (!malformed.isEmpty()) {
      warnOnce(
          key,
          (malformed.size() == 1 ? "Invalid entry " : "Invalid entries ")
              + String.join(", ", malformed)
              + " in "
              + describeKey(key)
              + ": expected key=value; skipping "
              + (malformed.size() == 1 ? "it" : "them"));
    }
    return Collections.unmodifiableMap(result);
  }

  /**
   * One of {@code allowed}, matched case-insensitively and returned in lower case; anything else
   * warns and yields {@code defaultValue}.
   */
  public String getOneOf(String key, String defaultValue, Collection<String> allowed) {
    String value = getString(key);
    if (value == null) {
      return defaultValue;
    }
    String canonical = canonical(value, allowed);
    return canonical != null
        ? canonical
        : invalid(key, value, "expected one of " + String.join(", ", allowed), defaultValue);
  }

  /**
   * A list whose members must be in {@code allowed} (case-insensitive, returned lower-case, in the
   * given order, duplicates removed). Unknown members warn once and are dropped; when nothing valid
   * remains, {@code defaultValue} is used.
   */
  public List<String> getListOf(String key, List<String> defaultValue, Collection<String> allowed) {
    String value = getString(key);
    List<String> accepted = new ArrayList<>();
    List<String> unknown = new ArrayList<>();
    for (String member : ConfigValues.splitList(value)) {
      String canonical = canonical(member, allowed);
      if (canonical == null) {
        unknown.add("'" + member + "'");
      } else if (!accepted.contains(canonical)) {
        accepted.add(canonical);
      }
    }
    List<String> result =
        accepted.isEmpty() ? defaultValue : Collections.unmodifiableList(accepted);
    if (!unknown.isEmpty()) {
      String expected =
          "unknown "
              + String.join(", ", unknown)
              + ", expected any of "
              + String.join(", ", allowed);
      warnInvalid(key, value, expected, result);
    }
    return result;
  }

  /** The explicitly set {@code otel.*}/{@code weft.*} keys and values, credentials masked. */
  @Override
  public String toString() {
    Map<String, String> shown = new TreeMap<>();
    Set<String> seenEnvNames = new HashSet<>();
    addShown(shown, seenEnvNames, agentArgs, "otel.", "weft.");
    addShown(shown, seenEnvNames, systemProperties, "otel.", "weft.");
    addShown(shown, seenEnvNames, environment, "OTEL_", "WEFT_");
    addShown(shown, seenEnvNames, file, "otel.", "weft.");
    return "ConfigProperties" + shown;
  }

  /**
   * Reports that {@code value} of {@code key} is unusable and {@code used} is taken instead; one
   * line, at most once per key. For checks beyond a getter's own (ranges, cross-key rules).
   */
  void warnInvalid(String key, String value, String expected, Object used) {
    String shownValue = isSensitive(key) ? "***" : value;
    warnOnce(
        key,
        "Invalid value '"
            + shownValue
            + "' for "
            + describeKey(key)
            + ": "
            + expected
            + "; using "
            + ConfigValues.quote(used));
  }

  private <T> T invalid(String key, String value, String expected, T used) {
    warnInvalid(key, value, expected, used);
    return used;
  }

  private void warnOnce(String key, String message) {
    if (warnedKeys.add(key)) {
      warnings.accept(message);
    }
  }

  private String lookup(String key, Map<String, String> fileEntries) {
    String value = nonBlank(agentArgs.get(key));
    if (value == null) {
      value = nonBlank(systemProperties.get(key));
    }
    if (value == null) {
      value = nonBlank(environment.get(toEnvName(key)));
    }
    if (value == null) {
      value = nonBlank(fileEntries.get(key));
    }
    return value;
  }

  private static void addShown(
      Map<String, String> shown,
      Set<String> seenEnvNames,
      Map<String, String> source,
      String prefix,
      String otherPrefix) {
    for (Map.Entry<String, String> entry : source.entrySet()) {
      String key = entry.getKey();
      String value = nonBlank(entry.getValue());
      if (value != null
          && (key.startsWith(prefix) || key.startsWith(otherPrefix))
          // A key already shown from a higher-precedence source hides this one.
          && seenEnvNames.add(toEnvName(key))) {
        shown.put(key, isSensitive(key) ? "***" : value);
      }
    }
  }

  private static String canonical(String value, Collection<String> allowed) {
    for (String candidate : allowed) {
      if (candidate.equalsIgnoreCase(value)) {
        return candidate.toLowerCase(Locale.ROOT);
      }
    }
    return null;
  }

  private static String describeKey(String key) {
    return key + " (" + toEnvName(key) + ")";
  }

  private static boolean isSensitive(String key) {
    String lower = key.toLowerCase(Locale.ROOT);
    for (String part : SENSITIVE_PARTS) {
      if (lower.contains(part)) {
        return true;
      }
    }
    return false;
  }

  private static String nonBlank(String value) {
    if (value == null) {
      return null;
    }
    String trimmed = value.trim();
    return trimmed.isEmpty() ? null : trimmed;
  }

  private static Map<String, String> copy(Map<String, String> source) {
    Map<String, String> result = new HashMap<>();
    if (source != null) {
      for (Map.Entry<String, String> entry : source.entrySet()) {
        if (entry.getKey() != null && entry.getValue() != null) {
          result.put(entry.getKey(), entry.getValue());
        }
      }
    }
    return Collections.unmodifiableMap(result);
  }
}
