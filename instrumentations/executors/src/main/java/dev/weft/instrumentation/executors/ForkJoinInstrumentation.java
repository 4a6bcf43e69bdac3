package dev.weft.instrumentation.executors;

import static dev.weft.core.instrumentation.MethodHooks.Value.argument;
import static dev.weft.core.instrumentation.MethodHooks.Value.self;

import dev.weft.core.instrumentation.AdviceTarget;
import dev.weft.core.instrumentation.MethodHooks;
import dev.weft.core.instrumentation.TypeInstrumentation;
import dev.weft.core.instrumentation.TypeMatcher;

/**
 * Fork/join: every way into a pool ({@code execute}, {@code submit}, {@code invoke}, {@code
 * invokeAll}, {@code ForkJoinTask.fork}, and so parallel streams and {@code CompletableFuture}'s
 * default pool) passes through {@code fork()} or one of the pool's submission funnels, and every
 * task, whichever thread steals, helps or joins it, runs through {@code ForkJoinTask.doExec}.
 */
final class ForkJoinInstrumentation {

  private static final String TASK = "Ljava/util/concurrent/ForkJoinTask;";

  private ForkJoinInstrumentation() {}

  /**
   * Every way into a pool, before the task is queued (and before the queue's lock is taken, which
   * the worker needs to poll): {@code fork()}, and the pool's internal funnels, whose names differ
   * between JDK versions ({@code externalSubmit}/{@code externalPush} up to 17, {@code poolSubmit}
   * and the public {@code externalSubmit} from 19, {@code scheduleDelayedTask} on 25). All take
   * fresh tasks only, so attaching there never overwrites a context with a later one; a delayed
   * task pushed again by the pool's scheduler thread (no context) keeps its own.
   */
  static final class Submission implements TypeInstrumentation {
    @Override
    public TypeMatcher typeMatcher() {
      return TypeMatcher.named(
          "java.util.concurrent.ForkJoinPool", "java.util.concurrent.ForkJoinTask");
    }

    @Override
    public void transform(AdviceTarget target) {
      for (String funnel : new String[] {"externalSubmit", "externalPush", "scheduleDelayedTask"}) {
        target.applyHooks(
            MethodHooks.method(funnel, "(" + TASK + ")")
                .atEnter(TaskAdvice.HOOKS, "capture", argument(0)));
      }
      target.applyHooks(
          MethodHooks.method("poolSubmit", "(Z" + TASK + ")")
              .atEnter(TaskAdvice.HOOKS, "capture", argument(1)));
      target.applyHooks(
          MethodHooks.method("fork", "()").atEnter(TaskAdvice.HOOKS, "capture", self()));
    }
  }

  /** Runs and cancellation of every fork/join task. */
  static final class Execution implements TypeInstrumentation {
    @Override
    public TypeMatcher typeMatcher() {
      // JDK 19+ adapts submitted Runnables and Callables into InterruptibleTasks and (JDK 25)
      // schedules ScheduledForkJoinTasks; both override cancel without calling ForkJoinTask's.
      return TypeMatcher.named(
          "java.util.concurrent.ForkJoinTask",
          "java.util.concurrent.ForkJoinTask$InterruptibleTask",
          "java.util.concurrent.DelayScheduler$ScheduledForkJoinTask");
    }

    @Override
    public void transform(AdviceTarget target) {
      target.applyHooks(TaskAdvice.runThis("doExec"));
      target.applyHooks(TaskAdvice.cancel());
    }
  }
}
