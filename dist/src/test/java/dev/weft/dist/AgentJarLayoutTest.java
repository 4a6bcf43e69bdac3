package dev.weft.dist;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.jar.Attributes;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The shape of weft-agent.jar: the application's class loader must find nothing but the bootstrap
 * package, and no third-party class may keep its own package name.
 */
class AgentJarLayoutTest {

  private static final List<String> OWN_PACKAGES =
      List.of("dev/weft/core/", "dev/weft/sdk/", "dev/weft/instrumentation/");

  private static JarFile jar;
  private static List<String> entries;

  @BeforeAll
  static void open() throws IOException {
    Path path = Path.of(System.getProperty("weft.agent.jar"));
    assertThat(path).exists();
    jar = new JarFile(path.toFile());
    entries = new ArrayList<>();
    for (JarEntry entry : Collections.list(jar.entries())) {
      if (!entry.isDirectory()) {
        entries.add(entry.getName());
      }
    }
  }

  @AfterAll
  static void close() throws IOException {
    jar.close();
  }

  @Test
  void onlyBootstrapClassesAreReachableFromTheRoot() {
    List<String> outside = new ArrayList<>();
    for (String name : entries) {
      boolean allowed =
          name.startsWith("dev/weft/bootstrap/")
              || name.startsWith("META-INF/")
              || name.startsWith("inst/");
      if (!allowed || (name.endsWith(".class") && !name.startsWith("dev/weft/bootstrap/"))) {
        outside.add(name);
      }
    }
    assertThat(outside).as("entries a class loader could find at the jar root").isEmpty();
    assertThat(entries).contains("dev/weft/bootstrap/AgentMain.class");
  }

  @Test
  void everythingElseIsClassdataUnderInst() {
    List<String> classFilesInInst = new ArrayList<>();
    List<String> bootstrapCopies = new ArrayList<>();
    for (String name : entries) {
      if (name.startsWith("inst/") && name.endsWith(".class")) {
        classFilesInInst.add(name);
      }
      if (name.startsWith("inst/dev/weft/bootstrap/")) {
        bootstrapCopies.add(name);
      }
    }
    assertThat(classFilesInInst).isEmpty();
    assertThat(bootstrapCopies).as("bootstrap classes must exist once, at the root").isEmpty();
    assertThat(entries).contains("inst/dev/weft/core/AgentInstaller.classdata");
  }

  @Test
  void everyThirdPartyClassIsRelocated() {
    List<String> unrelocated = new ArrayList<>();
    int shaded = 0;
    for (String name : entries) {
      if (!name.startsWith("inst/") || !name.endsWith(".classdata")) {
        continue;
      }
      String path = name.substring("inst/".length());
      if (path.startsWith("dev/weft/shaded/")) {
        shaded++;
      } else if (OWN_PACKAGES.stream().noneMatch(path::startsWith)) {
        unrelocated.add(path);
      }
    }
    assertThat(unrelocated).as("third-party classes outside dev.weft.shaded").isEmpty();
    assertThat(shaded).as("relocated ByteBuddy classes").isGreaterThan(1000);
  }

  @Test
  void serviceFilesNameOnlyRelocatedOrOwnTypes() throws IOException {
    for (String name : entries) {
      if (!name.startsWith("inst/META-INF/services/")) {
        continue;
      }
      String service = name.substring("inst/META-INF/services/".length());
      assertThat(service).startsWith("dev.weft.");
      try (InputStream in = jar.getInputStream(jar.getJarEntry(name))) {
        for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
          String type = line.replaceAll("#.*", "").trim();
          if (!type.isEmpty()) {
            assertThat(type).as(name).startsWith("dev.weft.");
          }
        }
      }
    }
  }

  @Test
  void staysWithinItsSizeBudget() throws IOException {
    // A quarter of the official agent 2.31.0 (25.11 MB). jar-shrinker's report
    // (target/jar-shrinker-report.txt) says what each library ships and why.
    assertThat(Files.size(Path.of(System.getProperty("weft.agent.jar")))).isLessThan(6_200_000L);
  }

  @Test
  void manifestDeclaresTheAgentEntryPoints() throws IOException {
    Attributes main = jar.getManifest().getMainAttributes();
    assertThat(main.getValue("Premain-Class")).isEqualTo("dev.weft.bootstrap.AgentMain");
    assertThat(main.getValue("Agent-Class")).isEqualTo("dev.weft.bootstrap.AgentMain");
    assertThat(main.getValue("Main-Class")).isEqualTo("dev.weft.bootstrap.AgentMain");
    assertThat(main.getValue("Can-Retransform-Classes")).isEqualTo("true");
  }
}
