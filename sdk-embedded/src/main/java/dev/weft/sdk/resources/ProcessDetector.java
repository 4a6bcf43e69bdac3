package dev.weft.sdk.resources;

import dev.weft.core.api.common.AttributeKey;
import dev.weft.core.api.common.Attributes;
import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;

/** {@code process.pid}, {@code process.executable.path}, {@code process.command_args}. */
final class ProcessDetector implements ResourceDetector {

  private static final Path CMDLINE = Paths.get("/proc/self/cmdline");
  private static final AttributeKey<List<String>> COMMAND_ARGS =
      AttributeKey.stringArrayKey("process.command_args");

  @Override
  public String providerClassName() {
    return "io.opentelemetry.instrumentation.resources.ProcessResourceProvider";
  }

  @Override
  public void detect(Attributes.Builder out) {
    out.put("process.pid", ProcessHandle.current().pid());
    String executable = executablePath();
    if (executable != null) {
      out.put("process.executable.path", executable);
    }
    List<String> args = commandArgs(executable);
    if (args != null) {
      out.put(COMMAND_ARGS, args);
    }
  }

  /** As the official detector assumes: the {@code java} binary under {@code java.home}. */
  private static String executablePath() {
    String javaHome = System.getProperty("java.home");
    if (javaHome == null) {
      return null;
    }
    String osName = System.getProperty("os.name", "");
    boolean windows = osName.toLowerCase(Locale.ROOT).startsWith("windows");
    return javaHome + File.separator + "bin" + File.separator + (windows ? "java.exe" : "java");
  }

  /**
   * The executable followed by the JVM's arguments. Read only where it is cheap, from {@code
   * /proc/self/cmdline} (one small file, no user-name lookups as {@code ProcessHandle.Info} makes);
   * elsewhere the attribute is left out.
   */
  private static List<String> commandArgs(String executable) {
    if (executable == null || !Files.isReadable(CMDLINE)) {
      return null;
    }
    try {
      return parseCmdline(Files.readAllBytes(CMDLINE), executable);
    } catch (IOException | RuntimeException e) {
      return null;
    }
  }

  /** NUL-separated arguments; the first (the command as typed) is replaced by the executable. */
  static List<String> parseCmdline(byte[] cmdline, String executable) {
    int length = cmdline.length;
    if (length > 0 && cmdline[length - 1] == 0) {
      length--; // the terminating NUL, not an empty last argument
    }
    if (length == 0) {
      return null;
    }
    List<String> args = new ArrayList<>();
    int start = 0;
    for (int i = 0; i <= length; i++) {
      if (i == length || cmdline[i] == 0) {
        args.add(new String(cmdline, start, i - start, StandardCharsets.UTF_8));
        start = i + 1;
      }
    }
    args.set(0, executable);
    return Collections.unmodifiableList(args);
  }
}
