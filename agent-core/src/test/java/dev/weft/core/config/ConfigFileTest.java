package dev.weft.core.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ConfigFileTest {

  private static final String FILE_KEY = "otel.javaagent.configuration-file";
  private static final String FILE_ENV = "OTEL_JAVAAGENT_CONFIGURATION_FILE";

  @TempDir Path dir;

  @Test
  void fileNamedBySystemPropertyIsRead() throws Exception {
    Path file = write("a.properties", "otel.service.name=shop\n");
    TestConfig holder = TestConfig.empty().sysProp(FILE_KEY, file.toString());
    assertThat(holder.build().getString("otel.service.name")).isEqualTo("shop");
    assertThat(holder.warnings).isEmpty();
  }

  @Test
  void fileNamedByEnvironmentIsRead() throws Exception {
    Path file = write("a.properties", "otel.service.name=shop\n");
    ConfigProperties config = TestConfig.empty().env(FILE_ENV, file.toString()).build();
    assertThat(config.getString("otel.service.name")).isEqualTo("shop");
  }

  @Test
  void fileNamedByAgentArgumentIsRead() throws Exception {
    Path file = write("a.properties", "otel.service.name=shop\n");
    ConfigProperties config = TestConfig.empty().arg(FILE_KEY, file.toString()).build();
    assertThat(config.getString("otel.service.name")).isEqualTo("shop");
  }

  @Test
  void filePathItselfFollowsArgsThenSysPropThenEnv() throws Exception {
    Path fromArgs = write("args.properties", "otel.service.name=args\n");
    Path fromSys = write("sys.properties", "otel.service.name=sys\n");
    Path fromEnv = write("env.properties", "otel.service.name=env\n");
    TestConfig holder =
        TestConfig.empty()
            .arg(FILE_KEY, fromArgs.toString())
            .sysProp(FILE_KEY, fromSys.toString())
            .env(FILE_ENV, fromEnv.toString());
    assertThat(holder.build().getString("otel.service.name")).isEqualTo("args");
    holder.args.clear();
    assertThat(holder.build().getString("otel.service.name")).isEqualTo("sys");
    holder.sysProps.clear();
    assertThat(holder.build().getString("otel.service.name")).isEqualTo("env");
  }

  @Test
  void leadingTildeExpandsToUserHome() throws Exception {
    Files.createDirectories(dir.resolve("conf"));
    write("conf/agent.properties", "otel.service.name=home\n");
    ConfigProperties config =
        TestConfig.empty()
            .sysProp("user.home", dir.toString())
            .sysProp(FILE_KEY, "~/conf/agent.properties")
            .build();
    assertThat(config.getString("otel.service.name")).isEqualTo("home");
  }

  @Test
  void missingFileWarnsOnceWithThePathAndTheAgentContinues() {
    String path = dir.resolve("nope.properties").toString();
    TestConfig holder = TestConfig.empty().sysProp(FILE_KEY, path).env("OTEL_SERVICE_NAME", "env");
    ConfigProperties config = holder.build();
    assertThat(config.getString("otel.service.name")).isEqualTo("env");
    assertThat(config.getString("otel.traces.sampler", "default")).isEqualTo("default");
    assertThat(holder.warnings)
        .containsExactly(
            "Cannot read configuration file '"
                + path
                + "' (otel.javaagent.configuration-file): no such file; continuing without it");
  }

  @Test
  void missingFileWarningShowsTheExpandedPath() {
    TestConfig holder =
        TestConfig.empty().sysProp("user.home", "/home/someone").sysProp(FILE_KEY, "~/x.props");
    holder.build();
    assertThat(holder.warnings).singleElement().asString().contains("'/home/someone/x.props'");
  }

  @Test
  void directoryInsteadOfFileWarns() {
    TestConfig holder = TestConfig.empty().sysProp(FILE_KEY, dir.toString());
    ConfigProperties config = holder.build();
    assertThat(config.getString("otel.service.name")).isNull();
    assertThat(holder.warnings).singleElement().asString().contains("'" + dir + "'");
  }

  @Test
  void malformedUnicodeEscapeWarnsAndIgnoresTheFile() throws Exception {
    Path file = write("bad.properties", "otel.service.name=\\uZZZZ\n");
    TestConfig holder = TestConfig.empty().sysProp(FILE_KEY, file.toString());
    assertThat(holder.build().getString("otel.service.name")).isNull();
    assertThat(holder.warnings).singleElement().asString().contains(file.toString());
  }

  @Test
  void javaPropertiesSyntaxIsHonoured() throws Exception {
    Path file =
        write(
            "syntax.properties",
            "# comment\n"
                + "! another comment\n"
                + "otel.service.name : shop\n"
                + "otel.resource.attributes=a=1,\\\n    b=2\n"
                + "otel.exporter.otlp.headers=x=caf\\u00e9\n");
    ConfigProperties config = TestConfig.empty().sysProp(FILE_KEY, file.toString()).build();
    assertThat(config.getString("otel.service.name")).isEqualTo("shop");
    assertThat(config.getString("otel.resource.attributes")).isEqualTo("a=1,b=2");
    assertThat(config.getString("otel.exporter.otlp.headers")).isEqualTo("x=café");
  }

  @Test
  void fileIsReadAsUtf8AndToleratesStrayBytes() throws Exception {
    Path file = dir.resolve("utf8.properties");
    byte[] utf8 = "otel.service.name=café\n".getBytes(StandardCharsets.UTF_8);
    byte[] stray = {'w', 'e', 'f', 't', '.', 'x', '=', (byte) 0xE9, '\n'};
    byte[] both = new byte[utf8.length + stray.length];
    System.arraycopy(utf8, 0, both, 0, utf8.length);
    System.arraycopy(stray, 0, both, utf8.length, stray.length);
    Files.write(file, both);
    TestConfig holder = TestConfig.empty().sysProp(FILE_KEY, file.toString());
    ConfigProperties config = holder.build();
    assertThat(config.getString("otel.service.name")).isEqualTo("café");
    assertThat(config.getString("weft.x")).isEqualTo("\uFFFD");
    assertThat(holder.warnings).isEmpty();
  }

  @Test
  void fileDoesNotOverrideHigherLevels() throws Exception {
    Path file = write("a.properties", "otel.service.name=file\notel.traces.sampler=always_off\n");
    ConfigProperties config =
        TestConfig.empty()
            .sysProp(FILE_KEY, file.toString())
            .env("OTEL_SERVICE_NAME", "env")
            .build();
    assertThat(config.getString("otel.service.name")).isEqualTo("env");
    assertThat(config.getString("otel.traces.sampler")).isEqualTo("always_off");
  }

  @Test
  void blankFilePathMeansNoFile() {
    TestConfig holder = TestConfig.empty().sysProp(FILE_KEY, "  ");
    holder.build();
    assertThat(holder.warnings).isEmpty();
  }

  @Test
  void tildeExpansion() {
    assertThat(ConfigValues.expandHome("~", "/h")).isEqualTo("/h");
    assertThat(ConfigValues.expandHome("~/a/b", "/h")).isEqualTo("/h/a/b");
    assertThat(ConfigValues.expandHome("~\\a", "C:\\h")).isEqualTo("C:\\h\\a");
    assertThat(ConfigValues.expandHome("~other/a", "/h")).isEqualTo("~other/a");
    assertThat(ConfigValues.expandHome("/a/~/b", "/h")).isEqualTo("/a/~/b");
    assertThat(ConfigValues.expandHome("~/a", null)).isEqualTo("~/a");
  }

  private Path write(String name, String content) throws Exception {
    return Files.writeString(dir.resolve(name), content);
  }
}
