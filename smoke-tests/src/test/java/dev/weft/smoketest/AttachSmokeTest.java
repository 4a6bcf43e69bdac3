package dev.weft.smoketest;

import static org.assertj.core.api.Assertions.assertThat;

import dev.weft.smoketest.apps.AttachApp;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** {@code java -jar weft-agent.jar}: self-description, and attaching to a running JVM. */
class AttachSmokeTest {

  private static final String RUNTIMES = "dev.weft.smoketest.JavaRuntimes#all";
  private static final Duration WAIT = Duration.ofSeconds(30);

  @TempDir static Path tmp;
  private static Path extension;

  @BeforeAll
  static void buildExtension() {
    extension = TestExtension.build(tmp);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource(RUNTIMES)
  void attachesToARunningJvmAndRetransformsLoadedClasses(JavaRuntime java) throws Exception {
    try (AppProcess app = AppProcess.builder(java).mainClass(AttachApp.class.getName()).start()) {
      app.awaitStdout("ready", WAIT);
      assertThat(app.stderr()).doesNotContain("[weft");

      CliResult attach =
          cli(
              java,
              Map.of(),
              "attach",
              Long.toString(app.pid()),
              "otel.javaagent.extensions=" + extension,
              "otel.javaagent.debug=true");

      assertThat(attach.exitCode).as(attach.output).isZero();
      assertThat(attach.output).contains("Attached Weft");
      // ConcreteTask was loaded before the attach: seeing its advice proves retransformation.
      app.awaitStderr("[weft-test] exit ConcreteTask", WAIT);
      assertThat(app.stderr()).contains("[weft] INFO agent - Weft", "attached");
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource(RUNTIMES)
  void describesItselfAndEveryModuleUnderTheCurrentConfiguration(JavaRuntime java)
      throws Exception {
    CliResult result =
        cli(
            java,
            Map.of(
                "OTEL_JAVAAGENT_EXTENSIONS",
                extension.toString(),
                "OTEL_INSTRUMENTATION_TEST_THROWING_ENABLED",
                "false"));

    assertThat(result.exitCode).as(result.output).isZero();
    assertThat(result.output)
        .contains("Weft ")
        .containsPattern("enabled +test-marker +names: test-marker, test-marker-alias")
        .containsPattern("disabled +test-throwing +names: test-throwing");
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource(RUNTIMES)
  void unknownCommandPrintsUsage(JavaRuntime java) throws Exception {
    CliResult result = cli(java, Map.of(), "frobnicate");

    assertThat(result.exitCode).isEqualTo(2);
    assertThat(result.output).contains("usage: java -jar weft-agent.jar");
  }

  private static CliResult cli(JavaRuntime java, Map<String, String> env, String... args)
      throws IOException, InterruptedException {
    List<String> command = new ArrayList<>();
    command.add(java.javaExecutable().toString());
    command.add("-jar");
    command.add(System.getProperty(AppProcess.AGENT_JAR_PROPERTY));
    command.addAll(List.of(args));
    ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
    builder.environment().keySet().removeIf(AppProcess::isHostSetting);
    builder.environment().putAll(env);
    Process process = builder.start();
    process.getOutputStream().close();
    String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    if (!process.waitFor(WAIT.toSeconds(), TimeUnit.SECONDS)) {
      process.destroyForcibly();
      throw new AssertionError("weft-agent.jar " + String.join(" ", args) + " did not finish");
    }
    return new CliResult(process.exitValue(), output);
  }

  private static final class CliResult {
    final int exitCode;
    final String output;

    CliResult(int exitCode, String output) {
      this.exitCode = exitCode;
      this.output = output;
    }
  }
}
