package dev.weft.smoketest;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** One JDK that smoke tests start apps on; tests that ask a missing one for java are skipped. */
public final class JavaRuntime {
  private static final Pattern VERSION_OUTPUT = Pattern.compile("version \"([^\"]+)\"");

  private final Path home;
  private final int featureVersion;
  private final String missingReason; // null when the JDK is installed

  private JavaRuntime(Path home, int featureVersion, String missingReason) {
    this.home = home;
    this.featureVersion = featureVersion;
    this.missingReason = missingReason;
  }

  /** The JDK installed at {@code home}, which must have {@code bin/java}. */
  static JavaRuntime installedAt(Path home) {
    Path java = executableIn(home);
    if (!Files.isExecutable(java)) {
      throw new IllegalArgumentException("no executable " + java);
    }
    return new JavaRuntime(home, readFeatureVersion(home, java), null);
  }

  /** A JDK that is not there; tests that ask for its executable are skipped with {@code reason}. */
  static JavaRuntime missing(Path home, int expectedFeatureVersion, String reason) {
    return new JavaRuntime(home, expectedFeatureVersion, reason);
  }

  /** The JDK's home directory; may be null or absent when {@link #isAvailable()} is false. */
  public Path home() {
    return home;
  }

  public boolean isAvailable() {
    return missingReason == null;
  }

  /** The {@code bin/java} launcher; aborts (skips) the calling test when this JDK is missing. */
  public Path javaExecutable() {
    assumeTrue(missingReason == null, missingReason);
    return executableIn(home);
  }

  /** The feature release (17, 25, ...); for a missing JDK, the one that was expected. */
  public int featureVersion() {
    return featureVersion;
  }

  @Override
  public String toString() {
    return "JDK " + featureVersion;
  }

  // Visible for testing
  static int parseFeatureVersion(String version) {
    String v = version.trim();
    if (v.startsWith("1.")) {
      v = v.substring(2); // "1.8.0_392": Java 8 and older put the feature second
    }
    int end = 0;
    while (end < v.length() && Character.isDigit(v.charAt(end))) {
      end++;
    }
    if (end == 0) {
      throw new IllegalArgumentException("not a Java version: " + version);
    }
    return Integer.parseInt(v.substring(0, end));
  }

  private static Path executableIn(Path home) {
    boolean windows = System.getProperty("os.name").toLowerCase(Locale.ROOT).startsWith("windows");
    return home.resolve("bin").resolve(windows ? "java.exe" : "java");
  }

  private static int readFeatureVersion(Path home, Path java) {
    Path release = home.resolve("release");
    if (Files.isRegularFile(release)) {
      Properties properties = new Properties();
      try (InputStream in = Files.newInputStream(release)) {
        properties.load(in);
      } catch (IOException e) {
        throw new UncheckedIOException("cannot read " + release, e);
      }
      String version = properties.getProperty("JAVA_VERSION");
      if (version != null) {
        return parseFeatureVersion(version.replace("\"", ""));
      }
    }
    return featureVersionFromLauncher(java);
  }

  private static int featureVersionFromLauncher(Path java) {
    try {
      Process process =
          new ProcessBuilder(java.toString(), "-version").redirectErrorStream(true).start();
      process.getOutputStream().close();
      ByteArrayOutputStream output = new ByteArrayOutputStream();
      process.getInputStream().transferTo(output); // ends when the launcher exits
      if (!process.waitFor(30, TimeUnit.SECONDS)) {
        process.destroyForcibly();
        throw new IllegalStateException(java + " -version did not exit within 30 s");
      }
      String text = output.toString(StandardCharsets.UTF_8);
      Matcher matcher = VERSION_OUTPUT.matcher(text);
      if (!matcher.find()) {
        throw new IllegalStateException("no version in output of " + java + " -version: " + text);
      }
      return parseFeatureVersion(matcher.group(1));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot run " + java + " -version", e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while running " + java + " -version", e);
    }
  }
}
