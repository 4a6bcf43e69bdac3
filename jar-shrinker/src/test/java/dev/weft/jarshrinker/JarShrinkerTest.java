package dev.weft.jarshrinker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.lang.reflect.InvocationTargetException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Shrinks the classes of the fixture package, then runs what is left in a fresh class loader. */
class JarShrinkerTest {

  private static final String FIXTURE = "dev/weft/jarshrinker/fixture/";
  private static final String LIB = FIXTURE + "lib/";

  @TempDir Path dir;

  @BeforeEach
  void copyFixture() throws Exception {
    Path classes = Path.of(JarShrinkerTest.class.getResource("/" + FIXTURE).toURI());
    try (Stream<Path> walk = Files.walk(classes)) {
      for (Path file : (Iterable<Path>) walk::iterator) {
        Path target = dir.resolve(FIXTURE).resolve(classes.relativize(file).toString());
        if (Files.isDirectory(file)) {
          Files.createDirectories(target);
        } else {
          Files.copy(file, target);
        }
      }
    }
    service("Service", "ServiceProvider");
    service("UnusedService", "UnusedServiceProvider");
  }

  @Test
  void dropsWhatNoReachableCodeNeeds() throws Exception {
    shrink("--optional", "dev.weft.jarshrinker.fixture.lib.Probe");

    assertThat(exists("Used")).isTrue();
    assertThat(exists("ByName")).as("named by a string").isTrue();
    assertThat(exists("Task")).isTrue();
    assertThat(exists("FromCallback")).as("reached from run(), which only the JDK calls").isTrue();
    assertThat(exists("ServiceProvider")).isTrue();
    assertThat(exists("Unreferenced")).isFalse();
    assertThat(exists("OnlyFromUnused")).as("named only by a method that never runs").isFalse();
    assertThat(exists("Used$Member")).isFalse();
    assertThat(exists("Probe")).as("optional").isFalse();
    assertThat(exists("UnusedService")).isFalse();
    assertThat(exists("UnusedServiceProvider")).isFalse();
    assertThat(dir.resolve("META-INF/services/dev.weft.jarshrinker.fixture.lib.UnusedService"))
        .doesNotExist();
  }

  @Test
  void whatIsLeftLinksAndRuns() throws Exception {
    shrink("--optional", "dev.weft.jarshrinker.fixture.lib.Probe");

    try (URLClassLoader loader =
        new URLClassLoader(new URL[] {dir.toUri().toURL()}, ClassLoader.getPlatformClassLoader())) {
      Class<?> root = loader.loadClass("dev.weft.jarshrinker.fixture.app.Root");
      assertThat(root.getMethod("run").invoke(null))
          .isEqualTo("used callback ByName no-probe provided");

      Class<?> used = loader.loadClass("dev.weft.jarshrinker.fixture.lib.Used");
      assertThat(used.getDeclaredMethods()).hasSize(2); // links: the verifier is satisfied
      assertThat(used.getDeclaredClasses()).isEmpty(); // the dropped member is no longer listed
      assertThatThrownBy(() -> used.getMethod("unused").invoke(null))
          .isInstanceOf(InvocationTargetException.class)
          .cause()
          .isInstanceOf(NoClassDefFoundError.class)
          .hasMessageContaining("fixture.lib.OnlyFromUnused");
    }
  }

  @Test
  void aStringNamingAClassKeepsItUnlessOptional() throws Exception {
    shrink();

    assertThat(exists("Probe")).isTrue();
  }

  @Test
  void anOptionalClassNobodyLooksUpFailsTheRun() {
    assertThatThrownBy(() -> shrink("--optional", "dev.weft.jarshrinker.fixture.lib.Unreferenced"))
        .isInstanceOf(JarShrinker.ShrinkException.class)
        .hasMessageContaining("no reachable code looks it up");
  }

  @Test
  void aMissingRootFailsTheRun() throws IOException {
    service("Service", "ServiceProvider", "Gone");

    assertThatThrownBy(this::shrink)
        .isInstanceOf(JarShrinker.ShrinkException.class)
        .hasMessageContaining("fixture.lib.Gone: missing");
    assertThatThrownBy(() -> shrink("--keep", "dev.weft.jarshrinker.fixture.nothing.**"))
        .isInstanceOf(JarShrinker.ShrinkException.class)
        .hasMessageContaining("matches no class");
  }

  private void shrink(String... extra) throws IOException {
    String[] args = new String[extra.length + 3];
    args[0] = dir.toString();
    args[1] = "--prune-under";
    args[2] = LIB;
    System.arraycopy(extra, 0, args, 3, extra.length);
    JarShrinker.shrink(args);
  }

  private boolean exists(String simpleName) {
    return Files.exists(dir.resolve(LIB + simpleName + ".class"));
  }

  private void service(String type, String... providers) throws IOException {
    Path file = dir.resolve("META-INF/services/" + (LIB + type).replace('/', '.'));
    Files.createDirectories(file.getParent());
    StringBuilder lines = new StringBuilder();
    for (String provider : providers) {
      lines.append((LIB + provider).replace('/', '.')).append('\n');
    }
    Files.writeString(file, lines);
  }
}
