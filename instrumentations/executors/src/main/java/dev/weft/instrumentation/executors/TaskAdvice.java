package dev.weft.instrumentation.executors;

import dev.weft.bootstrap.context.Scope;
import dev.weft.bootstrap.context.TaskContexts;
import net.bytebuddy.asm.Advice;

/**
 * Advice shared by several JDK classes. Inlined into JDK classes, so Java-6-shaped and limited to
 * {@code dev.weft.bootstrap} and JDK types (see the house style).
 */
final class TaskAdvice {

  private TaskAdvice() {}

  /** The first argument is a task being queued: attach the current context to it. */
  @SuppressWarnings("unused")
  public static final class CaptureArgumentAdvice {
    @Advice.OnMethodEnter(suppress = Throwable.class)
    public static void onEnter(@Advice.Argument(0) Object task) {
      TaskContexts.capture(task);
    }
  }

  /** {@code this} is a task being run: its context is current until the method returns. */
  @SuppressWarnings("unused")
  public static final class RunThisAdvice {
    @Advice.OnMethodEnter(suppress = Throwable.class)
    public static Scope onEnter(@Advice.This Object task) {
      return TaskContexts.attach(task);
    }

    @Advice.OnMethodExit(onThrowable = Throwable.class, suppress = Throwable.class)
    public static void onExit(@Advice.Enter Scope scope) {
      if (scope != null) {
        scope.close();
      }
    }
  }

  /** {@code this} was cancelled (the method returned true): it will not run, forget its context. */
  @SuppressWarnings("unused")
  public static final class CancelAdvice {
    @Advice.OnMethodExit(onThrowable = Throwable.class, suppress = Throwable.class)
    public static void onExit(@Advice.This Object task, @Advice.Return boolean cancelled) {
      if (cancelled) {
        TaskContexts.clear(task);
      }
    }
  }
}
