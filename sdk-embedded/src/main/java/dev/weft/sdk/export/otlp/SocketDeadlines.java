package dev.weft.sdk.export.otlp;

import java.io.IOException;
import java.net.Socket;
import java.util.IdentityHashMap;
import java.util.Map;

/**
 * Closes sockets whose deadline has passed, so that a write to a collector that stopped reading
 * cannot block an exporter (or the JVM's shutdown) for longer than the export timeout: a blocking
 * socket write has no timeout of its own. One daemon thread, started on the first request, sleeps
 * until the earliest armed deadline and otherwise waits.
 */
final class SocketDeadlines {

  static final SocketDeadlines SHARED = new SocketDeadlines();

  private final Map<Socket, Long> armed = new IdentityHashMap<>();
  private Thread thread; // guarded by this
  private int expired; // guarded by this; sockets closed by the watchdog, for tests

  /**
   * Closes {@code socket} if it is still armed at {@code deadlineNanos}. Give it the TCP socket,
   * not a TLS socket layered on it: closing that one writes a close_notify, which can block too.
   */
  synchronized void arm(Socket socket, long deadlineNanos) {
    armed.put(socket, deadlineNanos);
    if (thread == null) {
      thread = new Thread(this::watch, "weft-otlp-deadlines");
      thread.setDaemon(true);
      thread.start();
    } else {
      notifyAll(); // the new deadline may be the earliest
    }
  }

  synchronized void disarm(Socket socket) {
    armed.remove(socket);
  }

  synchronized int expired() {
    return expired;
  }

  private synchronized void watch() {
    while (true) {
      long now = System.nanoTime();
      long earliest = Long.MAX_VALUE;
      for (Map.Entry<Socket, Long> entry : armed.entrySet()) {
        long deadline = entry.getValue();
        if (deadline - now <= 0) {
          close(entry.getKey());
          expired++;
        } else if (deadline - now < earliest) {
          earliest = deadline - now;
        }
      }
      armed.values().removeIf(deadline -> deadline - now <= 0);
      try {
        if (earliest == Long.MAX_VALUE) {
          wait();
        } else {
          long millis = earliest / 1_000_000;
          wait(millis, (int) (earliest % 1_000_000));
        }
      } catch (InterruptedException e) {
        return;
      }
    }
  }

  private static void close(Socket socket) {
    try {
      socket.close();
    } catch (IOException e) {
      // the blocked call fails either way
    }
  }
}
