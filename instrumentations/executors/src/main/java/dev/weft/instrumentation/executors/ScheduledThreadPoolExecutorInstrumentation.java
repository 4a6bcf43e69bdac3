package dev.weft.instrumentation.executors;

import static dev.weft.core.instrumentation.MethodHooks.Value.argument;

import dev.weft.core.instrumentation.AdviceTarget;
import dev.weft.core.instrumentation.MethodHooks;
import dev.weft.core.instrumentation.TypeInstrumentation;
import dev.weft.core.instrumentation.TypeMatcher;

/**
 * {@code ScheduledThreadPoolExecutor} queues its tasks without {@code execute}: {@code
 * delayedExecute} for every {@code schedule*} (and {@code execute}/{@code submit}), {@code
 * reExecutePeriodic} for each next run of a periodic task. The latter runs inside the task, with
 * its context current, so each period carries the context it was scheduled under. The runs
 * themselves go through {@link ThreadPoolExecutorInstrumentation}'s worker loop.
 */
final class ScheduledThreadPoolExecutorInstrumentation implements TypeInstrumentation {

  private static final String TASK = "(Ljava/util/concurrent/RunnableScheduledFuture;)";

  @Override
  public TypeMatcher typeMatcher() {
    return TypeMatcher.named("java.util.concurrent.ScheduledThreadPoolExecutor");
  }

  @Override
  public void transform(AdviceTarget target) {
    target.applyHooks(
        MethodHooks.method("delayedExecute", TASK)
            .atEnter(TaskAdvice.HOOKS, "capture", argument(0)));
    target.applyHooks(
        MethodHooks.method("reExecutePeriodic", TASK)
            .atEnter(TaskAdvice.HOOKS, "capture", argument(0)));
  }
}
