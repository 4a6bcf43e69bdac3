package dev.weft.sdk.resources;

import dev.weft.core.api.common.Attributes;
import java.io.IOException;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.Locale;

/** {@code host.name} and {@code host.arch}. */
final class HostDetector implements ResourceDetector {

  private static final Path KERNEL_HOSTNAME = Paths.get("/proc/sys/kernel/hostname");

  @Override
  public String providerClassName() {
    return "io.opentelemetry.instrumentation.resources.HostResourceProvider";
  }

  @Override
  public void detect(Attributes.Builder out) {
    String name = hostName();
    if (name != null) {
      out.put("host.name", name);
    }
    String arch = System.getProperty("os.arch");
    if (arch != null) {
      out.put("host.arch", hostArch(arch));
    }
  }

  /**
   * The same name {@code InetAddress.getLocalHost().getHostName()} gives (the kernel's host name),
   * read without the DNS lookup that call makes, which can stall start-up for seconds.
   */
  private static String hostName() {
    String name = firstLine(KERNEL_HOSTNAME);
    if (name == null) {
      name = nonEmpty(System.getenv("COMPUTERNAME")); // Windows
    }
    if (name == null) {
      try {
        name = nonEmpty(InetAddress.getLocalHost().getHostName());
      } catch (IOException | RuntimeException e) {
        return null;
      }
    }
    return name;
  }

  /** {@code os.arch} mapped to the semantic-convention {@code host.arch} values. */
  static String hostArch(String osArch) {
    String arch = osArch.toLowerCase(Locale.ROOT);
    switch (arch) {
      case "amd64":
      case "x86_64":
        return "amd64";
      case "x86":
      case "i386":
      case "i486":
      case "i586":
      case "i686":
        return "x86";
      case "aarch64":
      case "arm64":
        return "arm64";
      case "arm":
      case "arm32":
        return "arm32";
      case "ppc":
      case "powerpc":
        return "ppc32";
      case "ppc64":
      case "ppc64le":
        return "ppc64";
      default:
        return arch; // s390x, ia64 and anything unknown, as the JVM names it
    }
  }

  private static String firstLine(Path file) {
    try {
      if (!Files.isReadable(file)) {
        return null;
      }
      String text = new String(Files.readAllBytes(file), StandardCharsets.UTF_8);
      int end = text.indexOf('\n');
      return nonEmpty(end < 0 ? text : text.substring(0, end));
    } catch (IOException | RuntimeException e) {
      return null;
    }
  }

  private static String nonEmpty(String value) {
    if (value == null) {
      return null;
    }
    String trimmed = value.trim();
    return trimmed.isEmpty() ? null : trimmed;
  }
}
