package dev.weft.smoketest;

import dev.weft.smoketest.extension.MarkerModule;
import dev.weft.smoketest.extension.ThrowingModule;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Builds the test-only extension jar ({@code otel.javaagent.extensions}) from this module's
 * compiled {@code dev.weft.smoketest.extension} classes, so the test modules never ship in the
 * product jar.
 */
final class TestExtension {

  private static final String PACKAGE_DIR = "dev/weft/smoketest/extension/";
  private static final String SERVICES =
      "META-INF/services/dev.weft.core.instrumentation.InstrumentationModule";

  private TestExtension() {}

  /** Writes the extension jar into {@code directory} and returns its path. */
  static Path build(Path directory) {
    Path jar = directory.resolve("weft-test-extension.jar");
    try {
      Path classes =
          Path.of(MarkerModule.class.getProtectionDomain().getCodeSource().getLocation().toURI());
      List<Path> files;
      try (Stream<Path> walk = Files.walk(classes.resolve(PACKAGE_DIR))) {
        files = walk.filter(Files::isRegularFile).collect(Collectors.toList());
      }
      try (OutputStream out = Files.newOutputStream(jar);
          JarOutputStream zip = new JarOutputStream(out)) {
        for (Path file : files) {
          zip.putNextEntry(new JarEntry(classes.relativize(file).toString().replace('\\', '/')));
          zip.write(Files.readAllBytes(file));
          zip.closeEntry();
        }
        zip.putNextEntry(new JarEntry(SERVICES));
        String services =
            MarkerModule.class.getName() + "\n" + ThrowingModule.class.getName() + "\n";
        zip.write(services.getBytes(StandardCharsets.UTF_8));
        zip.closeEntry();
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (URISyntaxException e) {
      throw new IllegalStateException(e);
    }
    return jar;
  }
}
