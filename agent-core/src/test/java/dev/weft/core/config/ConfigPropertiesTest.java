package dev.weft.core.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class ConfigPropertiesTest {

  private static final String KEY = "otel.service.name";
  private static final String ENV = "OTEL_SERVICE_NAME";

  @TempDir Path dir;

  @ParameterizedTest
  @CsvSource({
    "otel.foo.bar-baz, OTEL_FOO_BAR_BAZ",
    "otel.traces.sampler, OTEL_TRACES_SAMPLER",
    "otel.javaagent.configuration-file, OTEL_JAVAAGENT_CONFIGURATION_FILE",
    "otel.instrumentation.servlet-5.0.enabled, OTEL_INSTRUMENTATION_SERVLET_5_0_ENABLED",
    "weft.debug, WEFT_DEBUG",
    "Otel.Mixed.Case, OTEL_MIXED_CASE"
  })
  void envNameIsUpperCaseWithUnderscores(String key, String env) {
    assertThat(ConfigProperties.toEnvName(key)).isEqualTo(env);
  }

  @Test
  void agentArgumentWinsOverEverything() throws Exception {
    TestConfig config = allLevels();
    assertThat(config.build().getString(KEY)).isEqualTo("from-args");
  }

  @Test
  void systemPropertyWinsOverEnvironmentAndFile() throws Exception {
    TestConfig config = allLevels();
    config.args.clear();
    assertThat(config.build().getString(KEY)).isEqualTo("from-sysprop");
  }

  @Test
  void environmentWinsOverFile() throws Exception {
    TestConfig config = allLevels();
    config.args.clear();
    config.sysProps.remove(KEY);
    assertThat(config.build().getString(KEY)).isEqualTo("from-env");
  }

  @Test
  void fileWinsOverDefault() throws Exception {
    TestConfig config = allLevels();
    config.args.clear();
    config.sysProps.remove(KEY);
    config.env.remove(ENV);
    assertThat(config.build().getString(KEY, "default")).isEqualTo("from-file");
  }

  @Test
  void defaultWhenSetNowhere() {
    ConfigProperties config = TestConfig.empty().build();
    assertThat(config.getString(KEY)).isNull();
    assertThat(config.getString(KEY, "default")).isEqualTo("default");
  }

  @ParameterizedTest
  @ValueSource(strings = {"", " ", "\t \n"})
  void emptyOrBlankValueAtAnyLevelCountsAsUnset(String blank) throws Exception {
    TestConfig config = allLevels();
    config.arg(KEY, blank).sysProp(KEY, blank).env(ENV, blank);
    assertThat(config.build().getString(KEY)).isEqualTo("from-file");
  }

  @Test
  void blankFileValueFallsBackToDefault() throws Exception {
    Path file = Files.writeString(dir.resolve("a.properties"), KEY + "=   \n");
    ConfigProperties config =
        TestConfig.empty().sysProp("otel.javaagent.configuration-file", file.toString()).build();
    assertThat(config.getString(KEY, "default")).isEqualTo("default");
  }

  @Test
  void valuesAreTrimmed() {
    ConfigProperties config = TestConfig.empty().env(ENV, "  shop  ").build();
    assertThat(config.getString(KEY)).isEqualTo("shop");
  }

  @Test
  void systemPropertyNeedsTheExactKey() {
    ConfigProperties config = TestConfig.empty().sysProp("OTEL_SERVICE_NAME", "shop").build();
    assertThat(config.getString(KEY)).isNull();
  }

  @Test
  void environmentIsNotConsultedUnderThePropertyName() {
    ConfigProperties config = TestConfig.empty().env(KEY, "shop").build();
    assertThat(config.getString(KEY)).isNull();
  }

  @Test
  void sourcesAreCopiedAtCreation() {
    TestConfig holder = TestConfig.empty().sysProp(KEY, "before");
    ConfigProperties config = holder.build();
    holder.sysProps.put(KEY, "after");
    assertThat(config.getString(KEY)).isEqualTo("before");
  }

  @Test
  void nullMapsAndNullValuesAreTolerated() {
    Map<String, String> withNull = new java.util.HashMap<>();
    withNull.put(KEY, null);
    ConfigProperties config = ConfigProperties.create(null, withNull, null);
    assertThat(config.getString(KEY)).isNull();
  }

  @Test
  void parsesAgentArguments() {
    assertThat(ConfigProperties.parseAgentArgs("otel.x=1, otel.y = two ,weft.debug=true"))
        .containsExactly(
            Map.entry("otel.x", "1"), Map.entry("otel.y", "two"), Map.entry("weft.debug", "true"));
  }

  @Test
  void agentArgumentKeysWithoutPrefixAreTakenLiterally() {
    assertThat(ConfigProperties.parseAgentArgs("service.name=shop"))
        .containsExactly(Map.entry("service.name", "shop"));
  }

  @Test
  void agentArgumentWithoutEqualsContinuesThePreviousList() {
    assertThat(ConfigProperties.parseAgentArgs("otel.traces.exporter=otlp,console,otel.y=2"))
        .containsExactly(
            Map.entry("otel.traces.exporter", "otlp,console"), Map.entry("otel.y", "2"));
  }

  @Test
  void agentArgumentValueMayContainEquals() {
    assertThat(ConfigProperties.parseAgentArgs("otel.resource.attributes=a=b"))
        .containsExactly(Map.entry("otel.resource.attributes", "a=b"));
  }

  @Test
  void agentArgumentsNullBlankAndEmptySegments() {
    assertThat(ConfigProperties.parseAgentArgs(null)).isEmpty();
    assertThat(ConfigProperties.parseAgentArgs("  ")).isEmpty();
    assertThat(ConfigProperties.parseAgentArgs(",,otel.x=1,,")).containsOnlyKeys("otel.x");
  }

  @Test
  void malformedAgentArgumentsWarnAndAreSkipped() {
    List<String> warnings = new ArrayList<>();
    Map<String, String> parsed = AgentArgs.parse("stray,=nokey,otel.x=1", warnings::add);
    assertThat(parsed).containsExactly(Map.entry("otel.x", "1"));
    assertThat(warnings)
        .containsExactly(
            "Ignoring agent argument 'stray': expected key=value",
            "Ignoring agent argument '=nokey': expected key=value");
  }

  @Test
  void agentArgumentsFeedTheHighestLevel() {
    Map<String, String> args = ConfigProperties.parseAgentArgs("otel.service.name=from-args");
    ConfigProperties config =
        ConfigProperties.create(args, Map.of(KEY, "from-sysprop"), Map.of(ENV, "from-env"));
    assertThat(config.getString(KEY)).isEqualTo("from-args");
  }

  @Test
  void fromEnvironmentReadsRealSystemPropertiesAndArgs() {
    String key = "otel.weft-test.from-environment";
    System.setProperty(key, "sys");
    try {
      assertThat(ConfigProperties.fromEnvironment(null).getString(key)).isEqualTo("sys");
      assertThat(ConfigProperties.fromEnvironment(key + "=arg").getString(key)).isEqualTo("arg");
    } finally {
      System.clearProperty(key);
    }
  }

  @Test
  void toStringShowsEffectiveOtelAndWeftKeysAndMasksSecrets() {
    ConfigProperties config =
        TestConfig.empty()
            .arg(KEY, "shop")
            .sysProp(KEY, "hidden-by-arg")
            .sysProp("weft.debug", "true")
            .sysProp("java.home", "/jdk")
            .sysProp("otel.exporter.otlp.headers", "Authorization=Bearer abc")
            .env("OTEL_EXPORTER_OTLP_CLIENT_KEY", "/etc/key.pem")
            .env("OTEL_DB_PASSWORD", "pw")
            .env("OTEL_MY_SECRET", "s")
            .env(ENV, "hidden-by-arg")
            .env("PATH", "/bin")
            .build();
    assertThat(config.toString())
        .isEqualTo(
            "ConfigProperties{OTEL_DB_PASSWORD=***, OTEL_EXPORTER_OTLP_CLIENT_KEY=***,"
                + " OTEL_MY_SECRET=***, otel.exporter.otlp.headers=***,"
                + " otel.service.name=shop, weft.debug=true}");
  }

  @Test
  void toStringIncludesFileEntries() throws Exception {
    Path file = Files.writeString(dir.resolve("t.properties"), "otel.traces.sampler=always_on\n");
    String path = file.toString();
    ConfigProperties config =
        TestConfig.empty().sysProp("otel.javaagent.configuration-file", path).build();
    assertThat(config.toString())
        .isEqualTo(
            "ConfigProperties{otel.javaagent.configuration-file="
                + path
                + ", otel.traces.sampler=always_on}");
  }

  private TestConfig allLevels() throws Exception {
    Path file = Files.writeString(dir.resolve("agent.properties"), KEY + "=from-file\n");
    return TestConfig.empty()
        .arg(KEY, "from-args")
        .sysProp(KEY, "from-sysprop")
        .env(ENV, "from-env")
        .env("OTEL_JAVAAGENT_CONFIGURATION_FILE", file.toString());
  }
}
