package dev.weft.instrumentation.executors;

import static net.bytebuddy.matcher.ElementMatchers.named;
import static net.bytebuddy.matcher.ElementMatchers.takesArgument;
import static net.bytebuddy.matcher.ElementMatchers.takesArguments;

import dev.weft.bootstrap.context.TaskContexts;
import dev.weft.core.instrumentation.AdviceTarget;
import dev.weft.core.instrumentation.TypeInstrumentation;
import dev.weft.core.instrumentation.TypeMatcher;
import net.bytebuddy.asm.Advice;
import net.bytebuddy.description.type.TypeDescription;
import net.bytebuddy.matcher.ElementMatcher;

/**
 * Fork/join: every way into a pool ({@code execute}, {@code submit}, {@code invoke}, {@code
 * invokeAll}, {@code ForkJoinTask.fork}, and so parallel streams and {@code CompletableFuture}'s
 * default pool) passes through {@code fork()} or one of the pool's submission funnels, and every
 * task, whichever thread steals, helps or joins it, runs through {@code ForkJoinTask.doExec}.
 */
final class ForkJoinInstrumentation {

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
      // By name: a class literal would load ForkJoinTask inside the transformer, unwoven.
      ElementMatcher<TypeDescription> task = named("java.util.concurrent.ForkJoinTask");
      target.applyInlinedAdvice(
          named("externalSubmit")
              .or(named("externalPush"))
              .or(named("scheduleDelayedTask"))
              .and(takesArguments(1))
              .and(takesArgument(0, task)),
          TaskAdvice.CaptureArgumentAdvice.class.getName());
      target.applyInlinedAdvice(
          named("poolSubmit").and(takesArguments(2)).and(takesArgument(1, task)),
          ForkJoinInstrumentation.class.getName() + "$CaptureSecondArgumentAdvice");
      target.applyInlinedAdvice(
          named("fork").and(takesArguments(0)),
          ForkJoinInstrumentation.class.getName() + "$CaptureThisAdvice");
    }
  }

  @SuppressWarnings("unused")
  public static final class CaptureSecondArgumentAdvice {
    @Advice.OnMethodEnter(suppress = Throwable.class)
    public static void onEnter(@Advice.Argument(1) Object task) {
      TaskContexts.capture(task);
    }
  }

  @SuppressWarnings("unused")
  public static final class CaptureThisAdvice {
    @Advice.OnMethodEnter(suppress = Throwable.class)
    public static void onEnter(@Advice.This Object task) {
      TaskContexts.capture(task);
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
