package dev.weft.smoketest;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

/** Drains one output stream of a child process on a daemon thread, so it never blocks on a pipe. */
final class OutputCapture {
  private final Object lock = new Object();
  private final StringBuilder text = new StringBuilder(); // guarded by lock
  private boolean ended; // guarded by lock

  private OutputCapture() {}

  static OutputCapture start(InputStream in, String threadName) {
    OutputCapture capture = new OutputCapture();
    Thread reader = new Thread(() -> capture.drain(in), threadName);
    reader.setDaemon(true);
    reader.start();
    return capture;
  }

  /** Everything read so far. */
  String text() {
    synchronized (lock) {
      return text.toString();
    }
  }

  /** True once {@code substring} has been read; false on timeout or when the stream ends first. */
  boolean awaitText(String substring, Duration timeout) throws InterruptedException {
    long deadline = System.nanoTime() + timeout.toNanos();
    synchronized (lock) {
      while (text.indexOf(substring) < 0) {
        long remainingMillis = Duration.ofNanos(deadline - System.nanoTime()).toMillis();
        if (ended || remainingMillis <= 0) {
          return false;
        }
        lock.wait(remainingMillis);
      }
      return true;
    }
  }

  /** True once the stream hit end-of-file (the process and any child holding the pipe are gone). */
  boolean awaitEnd(Duration timeout) throws InterruptedException {
    long deadline = System.nanoTime() + timeout.toNanos();
    synchronized (lock) {
      while (!ended) {
        long remainingMillis = Duration.ofNanos(deadline - System.nanoTime()).toMillis();
        if (remainingMillis <= 0) {
          return false;
        }
        lock.wait(remainingMillis);
      }
      return true;
    }
  }

  private void drain(InputStream in) {
    // UTF-8 because AppProcess asks child JVMs for it (stdout.encoding, JDK 19+); the decoder
    // keeps multi-byte characters that straddle two reads intact.
    char[] buffer = new char[8192];
    try (Reader reader = new InputStreamReader(in, StandardCharsets.UTF_8)) {
      int n;
      while ((n = reader.read(buffer)) >= 0) {
        synchronized (lock) {
          text.append(buffer, 0, n);
          lock.notifyAll();
        }
      }
    } catch (IOException e) {
      // The pipe closes under us when the process is destroyed: what was read is all there is.
    } finally {
      synchronized (lock) {
        ended = true;
        lock.notifyAll();
      }
    }
  }
}
