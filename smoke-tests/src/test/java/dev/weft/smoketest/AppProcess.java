package dev.weft.smoketest;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.CodeSource;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.TimeUnit;

/** A real JVM started for a smoke test, with its stdout and stderr captured; close to kill it. */
public final class AppProcess implements AutoCloseable {
  /** System property (set by this module's pom) naming the built agent jar. */
  public static final String AGENT_JAR_PROPERTY = "weft.agent.jar";

  static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(60);

  // Long enough for a JVM to die after SIGKILL; a grandchild that kept our pipes must not hang us.
  private static final Duration CLEANUP_TIMEOUT = Duration.ofSeconds(10);

  // These would let the machine running the build change what the child does, most of all
  // JAVA_TOOL_OPTIONS=-javaagent:... or OTEL_SDK_DISABLED=true. Tests set what they need via env().
  private static final Set<String> HOST_JVM_OPTIONS =
      Set.of("JAVA_TOOL_OPTIONS", "JDK_JAVA_OPTIONS", "_JAVA_OPTIONS");

  private final Process process;
  private final List<String> command;
  private final String description;
  private final OutputCapture stdout;
  private final OutputCapture stderr;

  private AppProcess(Process process, List<String> command, String description) {
    this.process = process;
    this.command = command;
    this.description = description + " (pid " + process.pid() + ")";
    this.stdout = OutputCapture.start(process.getInputStream(), "stdout of " + this.description);
    this.stderr = OutputCapture.start(process.getErrorStream(), "stderr of " + this.description);
  }

  public static Builder builder(JavaRuntime runtime) {
    return new Builder(runtime);
  }

  /** Starts the app, waits up to 60 s for it to exit, and returns what it printed. */
  public static ProcessResult run(Builder builder) {
    return run(builder, DEFAULT_TIMEOUT);
  }

  /** Starts the app, waits up to {@code timeout} for it to exit (else kills it and fails). */
  public static ProcessResult run(Builder builder, Duration timeout) {
    try (AppProcess app = builder.start()) {
      int exitCode = app.waitForExit(timeout);
      return new ProcessResult(exitCode, app.stdout(), app.stderr());
    }
  }

  public long pid() {
    return process.pid();
  }

  public boolean isAlive() {
    return process.isAlive();
  }

  /** Everything the app wrote to stdout so far (complete once it has exited). */
  public String stdout() {
    return stdout.text();
  }

  /** Everything the app wrote to stderr so far (complete once it has exited). */
  public String stderr() {
    return stderr.text();
  }

  /** Waits for the exit code; on timeout kills the process tree and fails the test. */
  public int waitForExit(Duration timeout) {
    boolean exited;
    try {
      exited = process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      close();
      throw new AssertionError("interrupted while waiting for " + description, e);
    }
    if (!exited) {
      close();
      throw new AssertionError(report("did not exit within " + timeout + "; killed it"));
    }
    awaitOutputEnd();
    return process.exitValue();
  }

  /** Waits until stdout contains {@code substring}; fails on timeout or if the app exits first. */
  public void awaitStdout(String substring, Duration timeout) {
    await(stdout, "stdout", substring, timeout);
  }

  /** Waits until stderr contains {@code substring}; fails on timeout or if the app exits first. */
  public void awaitStderr(String substring, Duration timeout) {
    await(stderr, "stderr", substring, timeout);
  }

  /** The full command line, for failure messages. */
  public List<String> command() {
    return command;
  }

  /** Kills the process and all its descendants if still running. Idempotent. */
  @Override
  public void close() {
    if (process.isAlive()) {
      // Descendants first: once the parent is gone they are re-parented and no longer ours.
      process.descendants().forEach(ProcessHandle::destroyForcibly);
      process.destroyForcibly();
      try {
        process.waitFor(CLEANUP_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return;
      }
    }
    awaitOutputEnd();
  }

  @Override
  public String toString() {
    return description;
  }

  // Visible for testing
  static boolean isHostSetting(String environmentVariable) {
    String name = environmentVariable.toUpperCase(Locale.ROOT);
    return name.startsWith("OTEL_") || name.startsWith("WEFT_") || HOST_JVM_OPTIONS.contains(name);
  }

  private void await(OutputCapture capture, String stream, String substring, Duration timeout) {
    boolean found;
    try {
      found = capture.awaitText(substring, timeout);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AssertionError("interrupted while waiting for " + stream + " of " + description, e);
    }
    if (!found) {
      String why = process.isAlive() ? "within " + timeout : "before it exited";
      throw new AssertionError(report(stream + " did not contain \"" + substring + "\" " + why));
    }
  }

  private void awaitOutputEnd() {
    try {
      stdout.awaitEnd(CLEANUP_TIMEOUT);
      stderr.awaitEnd(CLEANUP_TIMEOUT);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private String report(String problem) {
    return description
        + ": "
        + problem
        + "\ncommand: "
        + String.join(" ", command)
        + "\n--- stdout ---\n"
        + stdout()
        + "\n--- stderr ---\n"
        + stderr();
  }

  /** What to start: JDK, main class, agent, JVM options, environment and program arguments. */
  public static final class Builder {
    private final JavaRuntime runtime;
    private final List<String> jvmArgs = new ArrayList<>();
    private final Map<String, String> sysProps = new LinkedHashMap<>();
    private final Map<String, String> env = new LinkedHashMap<>();
    private final List<String> args = new ArrayList<>();
    private final List<Path> classpath = new ArrayList<>();
    private String mainClass;
    private Path agentJar;
    private String agentArgs;

    private Builder(JavaRuntime runtime) {
      this.runtime = Objects.requireNonNull(runtime, "runtime");
    }

    /**
     * The app's main class. The class path becomes the directory or jar this class was loaded from
     * (for apps in this module: target/test-classes) plus {@link #classpathEntry} entries; nothing
     * else of the test class path (JUnit, gRPC, ...) is visible to the app.
     */
    public Builder mainClass(String className) {
      Class<?> appClass;
      try {
        appClass = Class.forName(className, false, AppProcess.class.getClassLoader());
      } catch (ClassNotFoundException e) {
        throw new IllegalArgumentException("no app class " + className + " on the test class path");
      }
      return mainClass(appClass);
    }

    public Builder mainClass(Class<?> appClass) {
      this.mainClass = appClass.getName();
      this.classpath.add(0, codeSourceOf(appClass));
      return this;
    }

    /** Attaches the agent built by dist ({@value #AGENT_JAR_PROPERTY}); fails if it is absent. */
    public Builder withAgent() {
      String configured = System.getProperty(AGENT_JAR_PROPERTY);
      if (configured == null || configured.isBlank()) {
        throw new IllegalStateException(
            "system property " + AGENT_JAR_PROPERTY + " is not set (the smoke-tests pom sets it)");
      }
      return withAgent(Path.of(configured));
    }

    /** Attaches the agent jar at {@code jar}; fails if there is no such file. */
    public Builder withAgent(Path jar) {
      Path normalized = jar.toAbsolutePath().normalize();
      if (!Files.isRegularFile(normalized)) {
        throw new IllegalStateException(
            "agent jar "
                + normalized
                + " does not exist; build it first (mvn -pl dist -am package) or run the"
                + " smoke tests through the reactor");
      }
      this.agentJar = normalized;
      return this;
    }

    /** Options after {@code =} in {@code -javaagent:weft-agent.jar=...}. */
    public Builder agentArgs(String agentArgs) {
      this.agentArgs = agentArgs;
      return this;
    }

    public Builder jvmArg(String jvmArg) {
      jvmArgs.add(jvmArg);
      return this;
    }

    public Builder sysProp(String key, String value) {
      sysProps.put(key, value);
      return this;
    }

    /** Sets a child environment variable; wins over the scrubbing of OTEL_* and WEFT_*. */
    public Builder env(String name, String value) {
      env.put(name, value);
      return this;
    }

    public Builder env(Map<String, String> variables) {
      env.putAll(variables);
      return this;
    }

    public Builder args(String... programArgs) {
      args.addAll(Arrays.asList(programArgs));
      return this;
    }

    public Builder classpathEntry(Path entry) {
      classpath.add(entry.toAbsolutePath().normalize());
      return this;
    }

    public AppProcess start() {
      if (mainClass == null) {
        throw new IllegalStateException("mainClass(...) was not set");
      }
      if (agentArgs != null && agentJar == null) {
        throw new IllegalStateException("agentArgs(...) without withAgent()");
      }
      List<String> command = command();
      ProcessBuilder processBuilder = new ProcessBuilder(command);
      processBuilder.environment().keySet().removeIf(AppProcess::isHostSetting);
      processBuilder.environment().putAll(env);
      Process process;
      try {
        process = processBuilder.start();
        process.getOutputStream().close(); // no app waits for input that will never come
      } catch (IOException e) {
        throw new UncheckedIOException("cannot start " + String.join(" ", command), e);
      }
      String simpleName = mainClass.substring(mainClass.lastIndexOf('.') + 1);
      String agent = agentJar == null ? "" : " with agent";
      return new AppProcess(process, command, simpleName + " on " + runtime + agent);
    }

    /** Same as {@link AppProcess#run(Builder)}. */
    public ProcessResult run() {
      return AppProcess.run(this);
    }

    private List<String> command() {
      List<String> command = new ArrayList<>();
      command.add(runtime.javaExecutable().toString());
      if (agentJar != null) {
        command.add("-javaagent:" + agentJar + (agentArgs == null ? "" : "=" + agentArgs));
      }
      // OutputCapture decodes UTF-8; JDK 19+ honour these, older JDKs ignore them. First, so
      // that a test's own jvmArg or sysProp wins.
      command.add("-Dstdout.encoding=UTF-8");
      command.add("-Dstderr.encoding=UTF-8");
      command.addAll(jvmArgs);
      sysProps.forEach((key, value) -> command.add("-D" + key + "=" + value));
      command.add("-cp");
      command.add(
          classpath.stream()
              .map(Path::toString)
              .reduce((a, b) -> a + File.pathSeparator + b)
              .orElseThrow());
      command.add(mainClass);
      command.addAll(args);
      return command;
    }

    private static Path codeSourceOf(Class<?> appClass) {
      CodeSource codeSource = appClass.getProtectionDomain().getCodeSource();
      if (codeSource == null || codeSource.getLocation() == null) {
        throw new IllegalArgumentException(appClass + " has no code source to put on a class path");
      }
      try {
        return Path.of(codeSource.getLocation().toURI());
      } catch (URISyntaxException e) {
        throw new IllegalArgumentException("bad code source of " + appClass, e);
      }
    }
  }
}
