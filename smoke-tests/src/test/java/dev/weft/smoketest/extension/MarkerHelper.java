package dev.weft.smoketest.extension;

/** Prints what the smoke tests look for; runs in the module's instrumentation class loader. */
public final class MarkerHelper {

  private MarkerHelper() {}

  public static String mark(Object task) {
    Class<?> type = task.getClass();
    String loader = type.getClassLoader() == null ? "boot" : type.getClassLoader().getName();
    System.err.println(
        "[weft-test] enter "
            + type.getName()
            + " app-loader="
            + loader
            + " helper-loader="
            + MarkerHelper.class.getClassLoader().getClass().getSimpleName());
    return type.getSimpleName();
  }

  public static void done(String mark) {
    System.err.println("[weft-test] exit " + mark);
  }
}
