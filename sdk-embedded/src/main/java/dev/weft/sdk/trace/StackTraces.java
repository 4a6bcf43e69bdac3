package dev.weft.sdk.trace;

import java.io.PrintWriter;
import java.io.StringWriter;

/** The {@code exception.stacktrace} form: what {@link Throwable#printStackTrace()} prints. */
public final class StackTraces {

  private StackTraces() {}

  public static String of(Throwable exception) {
    StringWriter out = new StringWriter(512);
    try (PrintWriter writer = new PrintWriter(out)) {
      exception.printStackTrace(writer);
    } catch (RuntimeException e) {
      // An application exception whose toString/getMessage throws; keep what was written.
    }
    return out.toString();
  }
}
