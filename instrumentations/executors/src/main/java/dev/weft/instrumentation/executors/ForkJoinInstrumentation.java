package dev.weft.instrumentation.executors;

import static net.bytebuddy.matcher.ElementMatchers.named;
import static net.bytebuddy.matcher.ElementMatchers.takesArgument;
import static net.bytebuddy.matcher.ElementMatchers.takesArguments;

import dev.weft.core.instrumentation.AdviceTarget;
import dev.weft.core.instrumentation.TypeInstrumentation;
import dev.weft.core.instrumentation.TypeMatcher;

/**
 * Fork/join: every way into a pool ({@code execute}, {@code submit}, {@code invoke}, {@code
 * invokeAll}, {@code ForkJoinTask.fork}, and so parallel streams and {@code CompletableFuture}'s
 * default pool) ends in a work queue's push, and every task, whichever thread steals, helps or
 * joins it, runs through {@code ForkJoinTask.doExec}.
 */
final class ForkJoinInstrumentation {

  private ForkJoinInstrumentation() {}

  /**
   * {@code WorkQueue.push} (JDK 17: also {@code lockedPush} for external submissions), and on JDK
   * 25, where a pool can also schedule, {@code ForkJoinPool.scheduleDelayedTask}. All take fresh
   * tasks only, so attaching there never overwrites a context with a later one. (A delayed task is
   * pushed again by the pool's scheduler thread, which has no context: nothing is overwritten.)
   */
  static final class Submission implements TypeInstrumentation {
    @Override
    public TypeMatcher typeMatcher() {
      return TypeMatcher.named(
          "java.util.concurrent.ForkJoinPool$WorkQueue", "java.util.concurrent.ForkJoinPool");
    }

    @Override
    public void transform(AdviceTarget target) {
      target.applyInlinedAdvice(
          named("push")
              .or(named("lockedPush"))
              .or(named("scheduleDelayedTask")) // JDK 25: ForkJoinPool.schedule*
              // By name: a class literal would load ForkJoinTask inside the transformer, unwoven.
              .and(takesArgument(0, named("java.util.concurrent.ForkJoinTask"))),
          TaskAdvice.CaptureArgumentAdvice.class.getName());
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
      target.applyInlinedAdvice(
          named("doExec").and(takesArguments(0)), TaskAdvice.RunThisAdvice.class.getName());
      target.applyInlinedAdvice(
          named("cancel").and(takesArguments(boolean.class)),
          TaskAdvice.CancelAdvice.class.getName());
    }
  }
}
