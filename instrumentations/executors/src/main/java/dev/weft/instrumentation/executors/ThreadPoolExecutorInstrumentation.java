package dev.weft.instrumentation.executors;

import static dev.weft.core.instrumentation.MethodHooks.Value.argument;
import static dev.weft.core.instrumentation.MethodHooks.Value.returned;
import static dev.weft.core.instrumentation.MethodHooks.Value.self;

import dev.weft.core.instrumentation.AdviceTarget;
import dev.weft.core.instrumentation.MethodHooks;
import dev.weft.core.instrumentation.TypeInstrumentation;
import dev.weft.core.instrumentation.TypeMatcher;

/**
 * {@code ThreadPoolExecutor}, and so every subclass and {@code submit}/{@code invokeAll}/{@code
 * invokeAny} (which end in {@code execute}): {@code execute} attaches the context to the task as
 * queued (the caller's {@code Runnable}, or the {@code FutureTask} that {@code submit} made), and
 * the worker loop runs each task through {@code TaskContexts.run}, which makes it current and
 * restores the worker's own afterwards. Overridden {@code beforeExecute}/{@code afterExecute} run
 * outside it, as they would without the agent. A rejected, removed or never-run task forgets its
 * context; a new worker thread starts in the root context (it serves every later task, so it must
 * not keep the context of the task whose submission created it).
 */
final class ThreadPoolExecutorInstrumentation implements TypeInstrumentation {

  @Override
  public TypeMatcher typeMatcher() {
    return TypeMatcher.named("java.util.concurrent.ThreadPoolExecutor");
  }

  @Override
  public void transform(AdviceTarget target) {
    target.applyHooks(
        MethodHooks.method("execute", "(Ljava/lang/Runnable;)")
            .atEnter(TaskAdvice.HOOKS, "capture", argument(0)));
    target.applyHooks(
        MethodHooks.method("runWorker", null)
            .replaceCall("java.lang.Runnable", "run", "()V", TaskAdvice.HOOKS, "run"));
    // Rejection policies that do not run the task (or throw) drop its context.
    target.applyHooks(
        MethodHooks.method("reject", "(Ljava/lang/Runnable;)")
            .atReturn(TaskAdvice.HOOKS, "rejected", self(), argument(0))
            .atThrow(TaskAdvice.HOOKS, "clear", argument(0)));
    target.applyHooks(
        MethodHooks.method("addWorker", "(Ljava/lang/Runnable;Z)")
            .around(TaskAdvice.HOOKS, "enterRoot", self(), "exit"));
    target.applyHooks(
        MethodHooks.method("remove", "(Ljava/lang/Runnable;)")
            .atReturn(TaskAdvice.HOOKS, "removed", returned(), argument(0)));
    target.applyHooks(
        MethodHooks.method("shutdownNow", "()").atReturn(TaskAdvice.HOOKS, "neverRun", returned()));
  }
}
