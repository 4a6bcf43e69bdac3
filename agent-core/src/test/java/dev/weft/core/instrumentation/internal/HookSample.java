package dev.weft.core.instrumentation.internal;

import java.util.List;

/** Methods of the shapes javac produces, for {@code HookWeaverTest} to weave hooks into. */
public class HookSample {

  private int counter;

  /** A loop at the very first instruction (a frame at offset 0), several returns, wide locals. */
  public int compute(int a, long b, String c) {
    while (counter < a) {
      counter++;
      if (counter == 3 && b > 0) {
        return counter * 100;
      }
    }
    double d = b * 1.5;
    long sum = (long) d + c.length();
    return (int) sum;
  }

  /** Throws out of the method; and catches one of its own before. */
  public long fails(String message) {
    try {
      Integer.parseInt(message);
    } catch (NumberFormatException e) {
      counter = -1;
    }
    throw new IllegalStateException(message);
  }

  public synchronized String name(boolean upper) {
    return upper ? "SAMPLE" : "sample";
  }

  public static void utility(double d, String s, List<String> out) {
    out.add(s + d);
  }

  public void runAll(List<Runnable> tasks) {
    for (Runnable task : tasks) {
      task.run();
    }
  }
}
