package dev.weft.sdk.export.otlp;

import dev.weft.bootstrap.WeftLogger;
import dev.weft.core.config.AgentSettings;
import dev.weft.core.config.ConfigProperties;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;

/** Exporter configuration from plain key/value pairs, read the way the agent reads it. */
final class TestConfigs {

  private TestConfigs() {}

  static ConfigProperties properties(String... keysAndValues) {
    Map<String, String> values = new HashMap<>();
    for (int i = 0; i < keysAndValues.length; i += 2) {
      values.put(keysAndValues[i], keysAndValues[i + 1]);
    }
    return ConfigProperties.create(values, Map.of(), Map.of());
  }

  static OtlpExporterConfig otlp(String... keysAndValues) {
    ConfigProperties config = properties(keysAndValues);
    return OtlpExporterConfig.forTraces(config, AgentSettings.read(config));
  }

  static String resource(String name) {
    return TestConfigs.class.getResource("/tls/" + name).getPath();
  }

  /** Captures the agent's log lines until closed. */
  static final class LogCapture implements AutoCloseable {
    private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();

    LogCapture() {
      WeftLogger.redirect(new PrintStream(bytes, true, StandardCharsets.UTF_8));
    }

    String text() {
      return bytes.toString(StandardCharsets.UTF_8);
    }

    @Override
    public void close() {
      WeftLogger.redirect(System.err);
    }
  }
}
