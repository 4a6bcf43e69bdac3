package dev.weft.sdk.testing;

import dev.weft.bootstrap.WeftLogger;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/** Captures Weft's log lines while open; restores standard error on close. */
public final class LogCapture implements AutoCloseable {

  private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
  private final WeftLogger.Level previousLevel = WeftLogger.level();

  private LogCapture() {
    WeftLogger.redirect(new PrintStream(bytes, true, StandardCharsets.UTF_8));
    WeftLogger.configure(WeftLogger.Level.INFO);
  }

  public static LogCapture start() {
    return new LogCapture();
  }

  public List<String> lines() {
    String text;
    synchronized (bytes) {
      text = bytes.toString(StandardCharsets.UTF_8);
    }
    return text.isEmpty() ? new ArrayList<>() : new ArrayList<>(Arrays.asList(text.split("\n")));
  }

  @Override
  public void close() {
    WeftLogger.redirect(System.err);
    WeftLogger.configure(previousLevel);
  }
}
