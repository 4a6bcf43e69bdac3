package dev.weft.sdk.testing;

import dev.weft.core.config.ConfigProperties;
import java.util.HashMap;
import java.util.Map;

/** Configuration from system-property-style pairs only, isolated from this JVM's environment. */
public final class TestConfigs {

  private TestConfigs() {}

  public static ConfigProperties of(String... keyValues) {
    Map<String, String> properties = new HashMap<>();
    for (int i = 0; i < keyValues.length; i += 2) {
      properties.put(keyValues[i], keyValues[i + 1]);
    }
    return ConfigProperties.create(Map.of(), properties, Map.of());
  }
}
