package dev.weft.smoketest;

import dev.weft.smoketest.sdk.PrintingSdk;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collections;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import java.util.zip.ZipOutputStream;

/**
 * A copy of the built agent jar whose telemetry SDK is the test-only {@link PrintingSdk}: every
 * span is printed on stderr, so instrumentation modules are checked end to end in a real JVM
 * without depending on the embedded SDK or an exporter. Only the SDK service is replaced;
 * everything else is the shipped jar, byte for byte.
 */
final class PatchedAgent {

  private static final String SDK_SERVICE = "inst/META-INF/services/dev.weft.core.spi.TelemetrySdk";
  private static final String SDK_PACKAGE = "dev/weft/smoketest/sdk/";

  private PatchedAgent() {}

  /** Writes the patched jar into {@code directory} and returns its path. */
  static Path build(Path directory) {
    Path agent = Path.of(System.getProperty(AppProcess.AGENT_JAR_PROPERTY));
    Path patched = directory.resolve("weft-agent-printing-sdk.jar");
    try (ZipFile in = new ZipFile(agent.toFile());
        OutputStream file = Files.newOutputStream(patched);
        ZipOutputStream out = new ZipOutputStream(file)) {
      for (ZipEntry entry : Collections.list(in.entries())) {
        if (entry.getName().equals(SDK_SERVICE)) {
          continue;
        }
        out.putNextEntry(new ZipEntry(entry.getName()));
        try (InputStream data = in.getInputStream(entry)) {
          data.transferTo(out);
        }
        out.closeEntry();
      }
      out.putNextEntry(new ZipEntry(SDK_SERVICE));
      out.write((PrintingSdk.class.getName() + "\n").getBytes(StandardCharsets.UTF_8));
      out.closeEntry();
      Path classes = classesRoot();
      for (Path classFile : sdkClassFiles(classes)) {
        String name = classes.relativize(classFile).toString().replace('\\', '/');
        out.putNextEntry(new ZipEntry("inst/" + name.replace(".class", ".classdata")));
        out.write(Files.readAllBytes(classFile));
        out.closeEntry();
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return patched;
  }

  private static Path classesRoot() {
    try {
      return Path.of(PrintingSdk.class.getProtectionDomain().getCodeSource().getLocation().toURI());
    } catch (URISyntaxException e) {
      throw new IllegalStateException(e);
    }
  }

  private static List<Path> sdkClassFiles(Path classes) throws IOException {
    try (Stream<Path> walk = Files.walk(classes.resolve(SDK_PACKAGE))) {
      return walk.filter(p -> p.toString().endsWith(".class")).collect(Collectors.toList());
    }
  }
}
