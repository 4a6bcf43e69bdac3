package dev.weft.sdk.resources;

import dev.weft.core.api.common.Attributes;
import java.util.Locale;

/** {@code os.type} (the semantic-convention enum, lower case) and {@code os.description}. */
final class OsDetector implements ResourceDetector {

  @Override
  public String providerClassName() {
    return "io.opentelemetry.instrumentation.resources.OsResourceProvider";
  }

  @Override
  public void detect(Attributes.Builder out) {
    String name = System.getProperty("os.name");
    if (name == null) {
      return;
    }
    String type = osType(name);
    if (type != null) {
      out.put("os.type", type);
    }
    String version = System.getProperty("os.version");
    out.put("os.description", version == null ? name : name + " " + version);
  }

  /** The {@code os.type} value for a JVM {@code os.name}, or null when it is none of the enum's. */
  static String osType(String osName) {
    String name = osName.toLowerCase(Locale.ROOT);
    if (name.startsWith("windows")) {
      return "windows";
    }
    if (name.startsWith("linux")) {
      return "linux";
    }
    if (name.startsWith("mac")) {
      return "darwin";
    }
    if (name.startsWith("freebsd")) {
      return "freebsd";
    }
    if (name.startsWith("netbsd")) {
      return "netbsd";
    }
    if (name.startsWith("openbsd")) {
      return "openbsd";
    }
    if (name.startsWith("dragonfly")) {
      return "dragonflybsd";
    }
    if (name.startsWith("hp-ux") || name.startsWith("hpux")) {
      return "hpux";
    }
    if (name.startsWith("aix")) {
      return "aix";
    }
    if (name.startsWith("solaris") || name.startsWith("sunos")) {
      return "solaris";
    }
    if (name.startsWith("z/os") || name.startsWith("zos")) {
      return "zos"; // semantic conventions renamed z_os to zos
    }
    return null;
  }
}
