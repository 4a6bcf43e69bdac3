package dev.weft.smoketest.apps;

import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.CountDownLatch;

/** Test app printing what its JVM sees, one line per argument (env, classpath, prop=NAME, ...). */
public final class ProbeApp {
  private static final Set<String> JVM_OPTIONS =
      Set.of("JAVA_TOOL_OPTIONS", "JDK_JAVA_OPTIONS", "_JAVA_OPTIONS");

  private ProbeApp() {}

  /**
   * Arguments: {@code env} (OTEL_*, WEFT_* and JVM option variables), {@code classpath}, {@code
   * prop=NAME}, {@code stderr=TEXT}, {@code block} (prints "ready", then waits until killed).
   */
  public static void main(String[] args) throws InterruptedException {
    for (String arg : args) {
      if (arg.equals("env")) {
        Map<String, String> sorted = new TreeMap<>(System.getenv());
        sorted.forEach(
            (name, value) -> {
              if (name.startsWith("OTEL_")
                  || name.startsWith("WEFT_")
                  || JVM_OPTIONS.contains(name)) {
                System.out.println("env " + name + "=" + value);
              }
            });
      } else if (arg.equals("classpath")) {
        System.out.println("classpath " + System.getProperty("java.class.path"));
      } else if (arg.startsWith("prop=")) {
        String name = arg.substring("prop=".length());
        System.out.println("prop " + name + "=" + System.getProperty(name));
      } else if (arg.startsWith("stderr=")) {
        System.err.println(arg.substring("stderr=".length()));
      } else if (arg.equals("block")) {
        System.out.println("ready");
        new CountDownLatch(1).await(); // until the test kills us
      } else {
        throw new IllegalArgumentException("unknown probe: " + arg);
      }
    }
  }
}
