package dev.weft.smoketest.extension;

import static net.bytebuddy.matcher.ElementMatchers.isAbstract;
import static net.bytebuddy.matcher.ElementMatchers.named;
import static net.bytebuddy.matcher.ElementMatchers.not;
import static net.bytebuddy.matcher.ElementMatchers.takesArguments;

import dev.weft.core.instrumentation.AdviceTarget;
import dev.weft.core.instrumentation.TypeInstrumentation;
import dev.weft.core.instrumentation.TypeMatcher;
import net.bytebuddy.asm.Advice;

/** Matches {@code Task} implementations by super-type, transitively. */
final class TaskInstrumentation implements TypeInstrumentation {

  @Override
  public TypeMatcher typeMatcher() {
    return TypeMatcher.hasSuperType("dev.weft.smoketest.apps.Task");
  }

  @Override
  public void transform(AdviceTarget target) {
    target.applyAdvice(
        named("run").and(takesArguments(0)).and(not(isAbstract())),
        getClass().getName() + "$RunAdvice");
  }

  @SuppressWarnings("unused")
  public static final class RunAdvice {

    @Advice.OnMethodEnter(suppress = Throwable.class)
    public static String onEnter(@Advice.This Object task) {
      // A module-private helper and a non-JDK return type: both must resolve through the
      // instrumentation class loader even though the woven class cannot see them.
      return MarkerHelper.mark(task);
    }

    @Advice.OnMethodExit(onThrowable = Throwable.class, suppress = Throwable.class)
    public static void onExit(@Advice.Enter String mark) {
      MarkerHelper.done(mark);
    }
  }
}
