package dev.weft.smoketest;

import static dev.weft.smoketest.AgentStartupSmokeTest.appLines;
import static org.assertj.core.api.Assertions.assertThat;

import dev.weft.smoketest.apps.GreeterApp;
import dev.weft.smoketest.apps.TaskApp;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The instrumentation framework end to end, with test-only modules from an extension jar: advice
 * woven by super-type, dispatched through invokedynamic into an instrumentation class loader, even
 * in a class loader that refuses delegation; advice that throws changes nothing; modules switch off
 * by name and classes by exclusion.
 */
class InstrumentationSmokeTest {

  private static final String RUNTIMES = "dev.weft.smoketest.JavaRuntimes#all";

  @TempDir static Path tmp;
  private static Path extension;

  @BeforeAll
  static void buildExtension() {
    extension = TestExtension.build(tmp);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource(RUNTIMES)
  void adviceIsWovenByTransitiveSuperTypeAndLinkedIntoItsOwnLoader(JavaRuntime java) {
    ProcessResult result = AppProcess.run(tasks(java).sysProp("otel.javaagent.debug", "true"));

    assertThat(result.exitCode()).as(result.stderr()).isZero();
    assertThat(result.stdout()).contains("concrete task ran", "isolated task ran", "done");
    assertThat(result.stderr())
        .contains(
            "[weft-test] enter dev.weft.smoketest.apps.ConcreteTask app-loader=app"
                + " helper-loader=InstrumentationClassLoader",
            "[weft-test] exit ConcreteTask")
        // A loader that delegates nothing but java.* still links: the dispatcher is in java.lang.
        .contains(
            "[weft-test] enter dev.weft.smoketest.apps.IsolatedTask app-loader=isolated"
                + " helper-loader=InstrumentationClassLoader",
            "[weft-test] exit IsolatedTask")
        .contains("[weft-test] inlined advice ran")
        .contains("Advice dispatcher: java.lang.WeftIndyDispatcher")
        // Any advice error, even suppressed, fails the test.
        .contains("Advice errors suppressed: 0");
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource(RUNTIMES)
  void moduleIsDisabledByAnyOfItsNames(JavaRuntime java) {
    ProcessResult byName =
        AppProcess.run(tasks(java).env("OTEL_INSTRUMENTATION_TEST_MARKER_ENABLED", "false"));
    ProcessResult byAlias =
        AppProcess.run(
            tasks(java).sysProp("otel.instrumentation.test-marker-alias.enabled", "false"));
    ProcessResult allOffButOne =
        AppProcess.run(
            tasks(java)
                .env("OTEL_INSTRUMENTATION_COMMON_DEFAULT_ENABLED", "false")
                .env("OTEL_INSTRUMENTATION_TEST_MARKER_ALIAS_ENABLED", "true"));

    for (ProcessResult disabled : new ProcessResult[] {byName, byAlias}) {
      assertThat(disabled.exitCode()).isZero();
      assertThat(disabled.stdout()).contains("concrete task ran", "done");
      assertThat(disabled.stderr()).doesNotContain("[weft-test]");
    }
    assertThat(allOffButOne.stderr()).contains("[weft-test] exit ConcreteTask");
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource(RUNTIMES)
  void excludedClassesAreNeverTransformed(JavaRuntime java) {
    ProcessResult result =
        AppProcess.run(
            tasks(java).env("OTEL_JAVAAGENT_EXCLUDE_CLASSES", "dev.weft.smoketest.apps.Concrete*"));

    assertThat(result.exitCode()).isZero();
    assertThat(result.stderr())
        .doesNotContain("enter dev.weft.smoketest.apps.ConcreteTask")
        .contains("[weft-test] exit IsolatedTask");
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource(RUNTIMES)
  void throwingAdviceLeavesTheApplicationUnchanged(JavaRuntime java) {
    ProcessResult plain =
        AppProcess.run(AppProcess.builder(java).mainClass(GreeterApp.class.getName()));
    ProcessResult woven =
        AppProcess.run(
            AppProcess.builder(java)
                .mainClass(GreeterApp.class.getName())
                .withAgent()
                .sysProp("otel.javaagent.extensions", extension.toString())
                .sysProp("otel.javaagent.debug", "true"));

    assertThat(plain.exitCode()).isEqualTo(3);
    assertThat(woven.exitCode()).isEqualTo(3);
    assertThat(woven.stdout())
        .isEqualTo(plain.stdout())
        .contains("Hello, Ada!", "caught: empty name");
    assertThat(appLines(woven.stderr())).doesNotContain("advice bug");
    // 4 calls, enter and exit each throw: 8 errors suppressed, counted, and visible in debug.
    assertThat(woven.stderr())
        .contains("Transforming dev.weft.smoketest.apps.Greeter")
        .contains("Suppressed an error thrown by advice")
        .contains("Advice errors suppressed: 8");
  }

  private static AppProcess.Builder tasks(JavaRuntime java) {
    return AppProcess.builder(java)
        .mainClass(TaskApp.class.getName())
        .withAgent()
        .sysProp("otel.javaagent.extensions", extension.toString());
  }
}
