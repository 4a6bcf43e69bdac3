package dev.weft.instrumentation.executors;

import static net.bytebuddy.matcher.ElementMatchers.isDeclaredBy;
import static net.bytebuddy.matcher.ElementMatchers.named;
import static net.bytebuddy.matcher.ElementMatchers.takesArguments;

import dev.weft.bootstrap.context.Context;
import dev.weft.bootstrap.context.Scope;
import dev.weft.bootstrap.context.TaskContexts;
import dev.weft.core.instrumentation.AdviceTarget;
import dev.weft.core.instrumentation.TypeInstrumentation;
import dev.weft.core.instrumentation.TypeMatcher;
import java.util.List;
import java.util.concurrent.RejectedExecutionHandler;
import java.util.concurrent.ThreadPoolExecutor;
import net.bytebuddy.asm.Advice;

/**
 * {@code ThreadPoolExecutor}, and so every subclass and {@code submit}/{@code invokeAll}/{@code
 * invokeAny} (which end in {@code execute}): {@code execute} attaches the context to the task as
 * queued (the caller's {@code Runnable}, or the {@code FutureTask} that {@code submit} made), and
 * the worker loop runs each task through {@code TaskContexts.run}, which makes it current and
 * restores the worker's own afterwards. Overridden {@code beforeExecute}/{@code afterExecute} run
 * outside it, as they would without the agent.
 */
final class ThreadPoolExecutorInstrumentation implements TypeInstrumentation {

  @Override
  public TypeMatcher typeMatcher() {
    return TypeMatcher.named("java.util.concurrent.ThreadPoolExecutor");
  }

  @Override
  public void transform(AdviceTarget target) {
    String self = getClass().getName();
    target.applyInlinedAdvice(
        named("execute").and(takesArguments(Runnable.class)),
        TaskAdvice.CaptureArgumentAdvice.class.getName());
    target.replaceCalls(
        named("runWorker"),
        named("run").and(takesArguments(0)).and(isDeclaredBy(Runnable.class)),
        "dev.weft.bootstrap.context.TaskContexts",
        "run");
    target.applyInlinedAdvice(
        named("reject").and(takesArguments(Runnable.class)), self + "$RejectAdvice");
    target.applyInlinedAdvice(named("addWorker").and(takesArguments(2)), self + "$AddWorkerAdvice");
    target.applyInlinedAdvice(
        named("remove").and(takesArguments(Runnable.class)), self + "$RemoveAdvice");
    target.applyInlinedAdvice(
        named("shutdownNow").and(takesArguments(0)), self + "$ShutdownNowAdvice");
  }

  /**
   * A rejected task does not run, so its context goes, unless the handler may still run it: {@code
   * DiscardOldestPolicy} executes it again, and a handler of the application's may queue it itself
   * (then it keeps its context, held no longer than the task).
   */
  @SuppressWarnings("unused")
  public static final class RejectAdvice {
    @Advice.OnMethodExit(onThrowable = Throwable.class, suppress = Throwable.class)
    public static void onExit(
        @Advice.This ThreadPoolExecutor executor,
        @Advice.Argument(0) Runnable task,
        @Advice.Thrown Throwable thrown) {
      RejectedExecutionHandler handler = executor.getRejectedExecutionHandler();
      if (thrown != null
          || handler instanceof ThreadPoolExecutor.AbortPolicy
          || handler instanceof ThreadPoolExecutor.CallerRunsPolicy
          || handler instanceof ThreadPoolExecutor.DiscardPolicy) {
        TaskContexts.clear(task);
      }
    }
  }

  /**
   * A new worker thread serves every later task, so it must not start with the context of the task
   * whose submission created it (that context would be current in unrelated tasks).
   */
  @SuppressWarnings("unused")
  public static final class AddWorkerAdvice {
    @Advice.OnMethodEnter(suppress = Throwable.class)
    public static Scope onEnter() {
      return Context.current() == Context.root() ? null : Context.root().makeCurrent();
    }

    @Advice.OnMethodExit(onThrowable = Throwable.class, suppress = Throwable.class)
    public static void onExit(@Advice.Enter Scope scope) {
      if (scope != null) {
        scope.close();
      }
    }
  }

  /** A task taken off the queue by the application will not run. */
  @SuppressWarnings("unused")
  public static final class RemoveAdvice {
    @Advice.OnMethodExit(onThrowable = Throwable.class, suppress = Throwable.class)
    public static void onExit(@Advice.Argument(0) Runnable task, @Advice.Return boolean removed) {
      if (removed) {
        TaskContexts.clear(task);
      }
    }
  }

  /** The tasks handed back by {@code shutdownNow} were never run. */
  @SuppressWarnings("unused")
  public static final class ShutdownNowAdvice {
    @Advice.OnMethodExit(onThrowable = Throwable.class, suppress = Throwable.class)
    public static void onExit(@Advice.Return List<Runnable> neverRun) {
      if (neverRun != null) {
        for (int i = 0; i < neverRun.size(); i++) {
          TaskContexts.clear(neverRun.get(i));
        }
      }
    }
  }
}
