package dev.weft.smoketest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.weft.smoketest.apps.HelloApp;
import dev.weft.smoketest.apps.ProbeApp;
import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/** Tests of the process harness (AppProcess, JavaRuntimes) on real JVMs, without the agent. */
class AppProcessTest {
  private static final Duration TIMEOUT = Duration.ofSeconds(30);

  @ParameterizedTest
  @MethodSource("dev.weft.smoketest.JavaRuntimes#all")
  void capturesStdoutStderrAndExitCode(JavaRuntime runtime) {
    ProcessResult result =
        AppProcess.builder(runtime).mainClass("dev.weft.smoketest.apps.HelloApp").args("3").run();

    assertThat(result.exitCode()).as(result.toString()).isEqualTo(3);
    assertThat(result.stdout().lines())
        .containsExactly("hello from weft smoke test", "sum of 1..1000 = 500500", "goodbye");
    assertThat(result.stderr().lines()).containsExactly("hello on stderr");
  }

  @ParameterizedTest
  @MethodSource("dev.weft.smoketest.JavaRuntimes#all")
  void runsOnTheJdkItNames(JavaRuntime runtime) {
    ProcessResult result =
        AppProcess.builder(runtime)
            .mainClass(ProbeApp.class)
            .args("prop=java.specification.version")
            .run();

    assertThat(result.stdout().lines())
        .containsExactly("prop java.specification.version=" + runtime.featureVersion());
  }

  @Test
  void exitCodeIsZeroWithoutArguments() {
    ProcessResult result =
        AppProcess.run(AppProcess.builder(JavaRuntimes.current()).mainClass(HelloApp.class));

    assertThat(result.exitCode()).as(result.toString()).isZero();
  }

  @Test
  void hostOtelAndWeftVariablesDoNotReachTheApp() {
    // This module's surefire configuration plants these canaries in the test JVM's environment.
    assumeTrue(
        System.getenv("OTEL_SDK_DISABLED") != null && System.getenv("WEFT_DEBUG") != null,
        "run through Maven: surefire sets OTEL_SDK_DISABLED and WEFT_DEBUG for this check");

    ProcessResult result =
        AppProcess.builder(JavaRuntimes.current())
            .mainClass(ProbeApp.class)
            .env("OTEL_SERVICE_NAME", "set-by-test")
            .args("env")
            .run();

    assertThat(result.stdout().lines()).containsExactly("env OTEL_SERVICE_NAME=set-by-test");
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "OTEL_SDK_DISABLED",
        "OTEL_EXPORTER_OTLP_ENDPOINT",
        "otel_service_name",
        "WEFT_DEBUG",
        "JAVA_TOOL_OPTIONS",
        "JDK_JAVA_OPTIONS",
        "_JAVA_OPTIONS"
      })
  void hostSettingsAreScrubbed(String name) {
    assertThat(AppProcess.isHostSetting(name)).isTrue();
  }

  @ParameterizedTest
  @ValueSource(strings = {"PATH", "HOME", "LANG", "MAVEN_OPTS", "MY_OTEL_FLAG"})
  void otherVariablesAreInherited(String name) {
    assertThat(AppProcess.isHostSetting(name)).isFalse();
  }

  @Test
  void classPathHoldsOnlyTheAppDirectoryAndExplicitEntries(@TempDir Path extra) throws Exception {
    Path appDirectory =
        Path.of(ProbeApp.class.getProtectionDomain().getCodeSource().getLocation().toURI());

    ProcessResult result =
        AppProcess.builder(JavaRuntimes.current())
            .mainClass(ProbeApp.class)
            .classpathEntry(extra)
            .args("classpath")
            .run();

    assertThat(result.stdout().lines())
        .containsExactly("classpath " + appDirectory + File.pathSeparator + extra);
  }

  @Test
  void passesJvmArgumentsAndSystemProperties() {
    ProcessResult result =
        AppProcess.builder(JavaRuntimes.current())
            .mainClass(ProbeApp.class)
            .jvmArg("-Dweft.probe.a=from-jvm-arg")
            .sysProp("weft.probe.b", "with spaces and = signs")
            .args("prop=weft.probe.a", "prop=weft.probe.b")
            .run();

    assertThat(result.stdout().lines())
        .containsExactly(
            "prop weft.probe.a=from-jvm-arg", "prop weft.probe.b=with spaces and = signs");
  }

  @Test
  void awaitsOutputOfARunningAppAndKillsItOnClose() {
    long pid;
    try (AppProcess app =
        AppProcess.builder(JavaRuntimes.current())
            .mainClass(ProbeApp.class)
            .args("stderr=starting", "block")
            .start()) {
      app.awaitStderr("starting", TIMEOUT);
      app.awaitStdout("ready", TIMEOUT);
      pid = app.pid();
      assertThat(app.isAlive()).isTrue();
      assertThat(ProcessHandle.of(pid)).isPresent();
    }

    assertThat(ProcessHandle.of(pid).map(ProcessHandle::isAlive)).isNotEqualTo(Optional.of(true));
  }

  @Test
  void waitForExitKillsTheAppAndFailsOnTimeout() {
    try (AppProcess app =
        AppProcess.builder(JavaRuntimes.current())
            .mainClass(ProbeApp.class)
            .args("block")
            .start()) {
      app.awaitStdout("ready", TIMEOUT);

      assertThatThrownBy(() -> app.waitForExit(Duration.ofMillis(200)))
          .isInstanceOf(AssertionError.class)
          .hasMessageContaining("did not exit within PT0.2S")
          .hasMessageContaining("ProbeApp")
          .hasMessageContaining("ready");
      assertThat(app.isAlive()).isFalse();
    }
  }

  @Test
  void awaitStdoutFailsAsSoonAsTheAppExitsWithoutPrintingIt() {
    try (AppProcess app =
        AppProcess.builder(JavaRuntimes.current()).mainClass(HelloApp.class).start()) {
      long start = System.nanoTime();

      assertThatThrownBy(() -> app.awaitStdout("never printed", TIMEOUT))
          .isInstanceOf(AssertionError.class)
          .hasMessageContaining("stdout did not contain \"never printed\"")
          .hasMessageContaining("goodbye")
          .hasMessageContaining("hello on stderr");
      assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(TIMEOUT);
    }
  }

  @Test
  void withAgentFailsClearlyWhenTheJarIsMissing(@TempDir Path directory) {
    Path missing = directory.resolve("weft-agent.jar");

    assertThatThrownBy(() -> AppProcess.builder(JavaRuntimes.current()).withAgent(missing))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining(missing.toString())
        .hasMessageContaining("does not exist");
  }

  @Test
  void agentJarAndArgumentsArePassedAsJavaagent(@TempDir Path directory) throws Exception {
    Path notAJar = Files.writeString(directory.resolve("not-an-agent.jar"), "not a zip");

    try (AppProcess app =
        AppProcess.builder(JavaRuntimes.current())
            .mainClass(HelloApp.class)
            .withAgent(notAJar)
            .agentArgs("weft.debug=true")
            .start()) {
      assertThat(app.command()).contains("-javaagent:" + notAJar + "=weft.debug=true");
      // The JVM refuses a broken agent jar before main runs: proof the option reached it.
      assertThat(app.waitForExit(TIMEOUT)).isNotZero();
      assertThat(app.stdout()).doesNotContain("hello from weft smoke test");
    }
  }

  @ParameterizedTest
  @CsvSource({
    "17.0.15, 17",
    "25, 25",
    "25-ea, 25",
    "11.0.2+9, 11",
    "1.8.0_392, 8",
    "21.0.1-LTS, 21"
  })
  void parsesFeatureVersions(String version, int feature) {
    assertThat(JavaRuntime.parseFeatureVersion(version)).isEqualTo(feature);
  }

  @Test
  void currentRuntimeIsTheBuildJvm() {
    assertThat(JavaRuntimes.current().featureVersion()).isEqualTo(Runtime.version().feature());
    assertThat(JavaRuntimes.current()).hasToString("JDK " + Runtime.version().feature());
  }
}
