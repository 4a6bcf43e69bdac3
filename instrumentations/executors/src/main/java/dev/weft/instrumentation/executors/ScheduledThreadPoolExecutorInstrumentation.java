package dev.weft.instrumentation.executors;

import static net.bytebuddy.matcher.ElementMatchers.named;
import static net.bytebuddy.matcher.ElementMatchers.takesArguments;

import dev.weft.core.instrumentation.AdviceTarget;
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

  @Override
  public TypeMatcher typeMatcher() {
    return TypeMatcher.named("java.util.concurrent.ScheduledThreadPoolExecutor");
  }

  @Override
  public void transform(AdviceTarget target) {
    target.applyInlinedAdvice(
        named("delayedExecute").or(named("reExecutePeriodic")).and(takesArguments(1)),
        TaskAdvice.CaptureArgumentAdvice.class.getName());
  }
}
