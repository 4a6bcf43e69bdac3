package dev.weft.core.config;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Consumer;

/** Parses the {@code -javaagent:weft.jar=...} / attach argument string. */
final class AgentArgs {

  private AgentArgs() {}

  /** See {@link ConfigProperties#parseAgentArgs(String)}; bad segments go to {@code warnings}. */
  static Map<String, String> parse(String agentArgs, Consumer<String> warnings) {
    Map<String, String> result = new LinkedHashMap<>();
    if (agentArgs == null) {
      return result;
    }
    String lastKey = null;
    for (String part : agentArgs.split(",", -1)) {
      if (part.trim().isEmpty()) {
        continue;
      }
      int eq = part.indexOf('=');
      String key = eq < 0 ? null : part.substring(0, eq).trim();
      if (key != null && !key.isEmpty()) {
        result.put(key, part.substring(eq + 1).trim());
        lastKey = key;
      } else if (key == null && lastKey != null) {
        result.put(lastKey, result.get(lastKey) + "," + part.trim());
      } else {
        warnings.accept("Ignoring agent argument '" + part.trim() + "': expected key=value");
        lastKey = null;
      }
    }
    return result;
  }
}
