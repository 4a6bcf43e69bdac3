package dev.weft.bootstrap.testing;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/** Hooks for {@code HookWeaverTest}: they record every call. In dev.weft.bootstrap, as required. */
public final class RecordingHooks {

  public static final List<String> calls = Collections.synchronizedList(new ArrayList<>());

  private RecordingHooks() {}

  public static void enter(Object self, int a, long b, Object c) {
    calls.add("enter " + (self != null) + " " + a + " " + b + " " + c);
  }

  public static Object around(Object self) {
    calls.add("around-enter");
    return "token";
  }

  public static void exit(Object token) {
    calls.add("around-exit " + token);
  }

  public static void returnedInt(int value, Object self) {
    calls.add("returned " + value);
  }

  public static void returnedLong(long value) {
    calls.add("returned " + value);
  }

  public static void returnedObject(Object value) {
    calls.add("returned " + value);
  }

  public static void thrown(Object argument) {
    calls.add("thrown " + argument);
  }

  public static void staticEnter(double d, Object s) {
    calls.add("static " + d + " " + s);
  }

  public static void run(Runnable task) {
    calls.add("run-replaced");
    task.run();
  }
}
