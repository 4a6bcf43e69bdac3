package dev.weft.smoketest.apps;

/**
 * Touches java.util.logging only after a pause (first argument, ms), so that the agent's own export
 * code loads {@code java.util.logging.Logger} first; then logs one warning through it.
 */
public final class LateJulApp {

  public static void main(String[] args) throws Exception {
    Thread.sleep(Long.parseLong(args[0])); // the agent's first metric export happens meanwhile
    Late.log();
    System.out.println("logged");
  }

  /** Its own class, so that nothing in main's class refers to java.util.logging. */
  static final class Late {
    static void log() {
      java.util.logging.Logger.getLogger("late-jul").warning("late record");
    }
  }
}
