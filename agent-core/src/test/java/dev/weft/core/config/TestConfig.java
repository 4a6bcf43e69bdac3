package dev.weft.core.config;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

/** Builds a {@link ConfigProperties} from explicit sources and records its warning lines. */
final class TestConfig {

  final Map<String, String> args = new HashMap<>();
  final Map<String, String> sysProps = new HashMap<>();
  final Map<String, String> env = new HashMap<>();
  final List<String> warnings = new CopyOnWriteArrayList<>();

  static TestConfig empty() {
    return new TestConfig();
  }

  /** Sets {@code key} as a system property, the usual way users configure the agent. */
  static ConfigProperties of(TestConfig holder, String... keyValues) {
    for (int i = 0; i < keyValues.length; i += 2) {
      holder.sysProp(keyValues[i], keyValues[i + 1]);
    }
    return holder.build();
  }

  TestConfig arg(String key, String value) {
    args.put(key, value);
    return this;
  }

  TestConfig sysProp(String key, String value) {
    sysProps.put(key, value);
    return this;
  }

  TestConfig env(String name, String value) {
    env.put(name, value);
    return this;
  }

  ConfigProperties build() {
    return ConfigProperties.create(args, sysProps, env, warnings::add);
  }
}
