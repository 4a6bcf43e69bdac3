package dev.weft.smoketest;

import static org.assertj.core.api.Assertions.assertThat;

import dev.weft.smoketest.apps.HelloApp;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.jar.JarOutputStream;
import java.util.stream.Collectors;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Weft attached to a plain application changes nothing the application does. */
class AgentStartupSmokeTest {

  private static final String RUNTIMES = "dev.weft.smoketest.JavaRuntimes#all";

  @TempDir static Path tmp;

  @ParameterizedTest(name = "{0}")
  @MethodSource(RUNTIMES)
  void outputAndExitCodeAreUnchanged(JavaRuntime java) {
    ProcessResult plain = AppProcess.run(hello(java).args("7"));
    // Metrics off: hello world has no collector, and the final metric export at exit would
    // (rightly)
    // warn that its data points were dropped; on JDK 24+ protobuf's encoder also makes the JVM
    // print its sun.misc.Unsafe deprecation warning once OTLP encoding runs.
    ProcessResult agent =
        AppProcess.run(hello(java).withAgent().env("OTEL_METRICS_EXPORTER", "none").args("7"));

    assertThat(agent.exitCode()).isEqualTo(plain.exitCode()).isEqualTo(7);
    assertThat(agent.stdout()).isEqualTo(plain.stdout()).contains("sum of 1..1000 = 500500");
    assertThat(appLines(agent.stderr())).isEqualTo(appLines(plain.stderr()));
    // Quiet by default: the one start-up line and nothing else.
    assertThat(weftLines(agent.stderr()))
        .singleElement()
        .asString()
        .startsWith("[weft] INFO")
        .contains("started");
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource(RUNTIMES)
  void javaagentEnabledFalseDoesNothing(JavaRuntime java) {
    ProcessResult agent =
        AppProcess.run(
            hello(java)
                .withAgent()
                .env("OTEL_JAVAAGENT_ENABLED", "false")
                .env("OTEL_TRACES_SAMPLER", "not-a-sampler"));

    assertThat(agent.exitCode()).isZero();
    assertThat(agent.stdout()).contains("goodbye");
    // Not even configuration is validated: the agent stops before anything else.
    assertThat(weftLines(agent.stderr())).isEmpty();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource(RUNTIMES)
  void badConfigurationValueWarnsOnceAndFallsBack(JavaRuntime java) {
    // Metrics off: with no collector listening, the final metric export at exit would add a
    // (correct) WARN about the dropped data points.
    ProcessResult agent =
        AppProcess.run(
            hello(java)
                .withAgent()
                .env("OTEL_TRACES_SAMPLER", "sometimes")
                .env("OTEL_METRICS_EXPORTER", "none"));

    assertThat(agent.exitCode()).isZero();
    assertThat(agent.stdout()).contains("goodbye");
    List<String> warnings =
        weftLines(agent.stderr()).stream()
            .filter(line -> line.contains(" WARN "))
            .collect(Collectors.toList());
    assertThat(warnings)
        .singleElement()
        .asString()
        .contains("otel.traces.sampler", "sometimes", "parentbased_always_on");
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource(RUNTIMES)
  void loggingNoneSilencesTheAgent(JavaRuntime java) {
    ProcessResult agent =
        AppProcess.run(
            hello(java)
                .withAgent()
                .env("OTEL_JAVAAGENT_LOGGING", "none")
                .env("OTEL_BSP_MAX_QUEUE_SIZE", "lots"));

    assertThat(agent.exitCode()).isZero();
    assertThat(weftLines(agent.stderr())).isEmpty();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource(RUNTIMES)
  void debugLogsStartupDecisions(JavaRuntime java) {
    ProcessResult agent =
        AppProcess.run(hello(java).withAgent().sysProp("otel.javaagent.debug", "true"));

    assertThat(agent.exitCode()).isZero();
    assertThat(agent.stderr()).contains("[weft] DEBUG", "Configuration:", "[weft] INFO");
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource(RUNTIMES)
  void brokenAgentJarLeavesTheApplicationRunning(JavaRuntime java) throws IOException {
    // Only the bootstrap classes: agent-core cannot be found, so start-up fails half-way.
    Path broken = tmp.resolve("broken-" + java.featureVersion() + ".jar");
    copyWithout(Path.of(System.getProperty(AppProcess.AGENT_JAR_PROPERTY)), broken, "inst/");

    ProcessResult plain = AppProcess.run(hello(java).args("5"));
    ProcessResult agent = AppProcess.run(hello(java).withAgent(broken).args("5"));

    assertThat(agent.exitCode()).isEqualTo(5);
    assertThat(agent.stdout()).isEqualTo(plain.stdout());
    assertThat(weftLines(agent.stderr()))
        .singleElement()
        .asString()
        .contains("failed to start", "runs without it");
    assertThat(agent.stderr()).doesNotContain("\tat ");
  }

  private static AppProcess.Builder hello(JavaRuntime java) {
    return AppProcess.builder(java).mainClass(HelloApp.class.getName());
  }

  static List<String> weftLines(String stderr) {
    return lines(stderr).stream().filter(l -> l.startsWith("[weft]")).collect(Collectors.toList());
  }

  /** Standard error without the agent's lines and the JVM's note that CDS is partly off. */
  static List<String> appLines(String stderr) {
    return lines(stderr).stream()
        .filter(
            l -> !l.startsWith("[weft]") && !l.contains("VM warning: Sharing is only supported"))
        .collect(Collectors.toList());
  }

  private static List<String> lines(String text) {
    return text.isEmpty() ? Collections.emptyList() : Arrays.asList(text.split("\\R"));
  }

  private static void copyWithout(Path source, Path target, String prefix) throws IOException {
    try (JarFile in = new JarFile(source.toFile());
        OutputStream file = Files.newOutputStream(target);
        JarOutputStream out = new JarOutputStream(file, in.getManifest())) {
      for (JarEntry entry : Collections.list(in.entries())) {
        if (entry.getName().startsWith(prefix) || entry.getName().equals(JarFile.MANIFEST_NAME)) {
          continue;
        }
        out.putNextEntry(new JarEntry(entry.getName()));
        try (InputStream data = in.getInputStream(entry)) {
          data.transferTo(out);
        }
        out.closeEntry();
      }
    }
  }
}
