package dev.weft.smoketest;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

/** The JDKs every smoke test runs on: the build's own JVM and JDK 25 (weft.test.jdk25). */
public final class JavaRuntimes {
  /** System property (set by this module's pom) naming the JDK 25 home directory. */
  public static final String JDK25_PROPERTY = "weft.test.jdk25";

  private JavaRuntimes() {}

  /**
   * For {@code @MethodSource("dev.weft.smoketest.JavaRuntimes#all")}: the build JVM, then JDK 25.
   * JDK 25 is listed even when it is not installed, so its cases show up as skipped rather than
   * silently vanishing; when the build itself runs on that JDK it is listed once.
   */
  public static Stream<JavaRuntime> all() {
    JavaRuntime current = current();
    JavaRuntime jdk25 = jdk25();
    if (jdk25.isAvailable() && sameDirectory(current.home(), jdk25.home())) {
      return Stream.of(current);
    }
    return Stream.of(current, jdk25);
  }

  /** The JVM running this build ({@code java.home}). */
  public static JavaRuntime current() {
    return JavaRuntime.installedAt(Path.of(System.getProperty("java.home")));
  }

  /** JDK 25 from the {@value #JDK25_PROPERTY} system property, or a missing runtime saying why. */
  public static JavaRuntime jdk25() {
    String configured = System.getProperty(JDK25_PROPERTY, "").trim();
    if (configured.isEmpty()) {
      return JavaRuntime.missing(
          null,
          25,
          "JDK 25 tests skipped: system property "
              + JDK25_PROPERTY
              + " is not set (the smoke-tests pom passes the parent's weft.test.jdk25)");
    }
    Path home = Path.of(configured);
    if (!Files.isExecutable(home.resolve("bin").resolve("java"))
        && !Files.isExecutable(home.resolve("bin").resolve("java.exe"))) {
      return JavaRuntime.missing(
          home,
          25,
          "JDK 25 tests skipped: no bin/java under "
              + home
              + " (install JDK 25 there or pass -D"
              + JDK25_PROPERTY
              + "=<jdk home>)");
    }
    return JavaRuntime.installedAt(home);
  }

  private static boolean sameDirectory(Path a, Path b) {
    try {
      return a.toRealPath().equals(b.toRealPath());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
