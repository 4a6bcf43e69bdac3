package dev.weft.instrumentation.executors;

import static net.bytebuddy.matcher.ElementMatchers.named;
import static net.bytebuddy.matcher.ElementMatchers.takesArguments;

import dev.weft.bootstrap.context.Scope;
import dev.weft.bootstrap.context.TaskContexts;
import dev.weft.core.instrumentation.AdviceTarget;
import dev.weft.core.instrumentation.TypeInstrumentation;
import dev.weft.core.instrumentation.TypeMatcher;
import net.bytebuddy.asm.Advice;

/**
 * An application's {@code Thread} subclass with its own {@code run()} never reaches {@code
 * Thread.run}: its {@code run} picks the context up instead. Application classes are loaded after
 * the agent, so this advice goes through invokedynamic like any other module's; JDK subclasses are
 * never matched by super-type (and {@code TaskContexts} does not capture for them).
 */
final class ThreadSubclassInstrumentation implements TypeInstrumentation {

  @Override
  public TypeMatcher typeMatcher() {
    return TypeMatcher.hasSuperType("java.lang.Thread");
  }

  @Override
  public void transform(AdviceTarget target) {
    target.applyAdvice(named("run").and(takesArguments(0)), RunAdvice.class.getName());
  }

  /**
   * Only on the thread itself: calling {@code run()} directly on another thread's object runs it in
   * the caller's context, as without the agent.
   */
  @SuppressWarnings("unused")
  public static final class RunAdvice {
    @Advice.OnMethodEnter(suppress = Throwable.class)
    public static Scope onEnter(@Advice.This Thread thread) {
      return thread == Thread.currentThread() ? TaskContexts.attach(thread) : null;
    }

    @Advice.OnMethodExit(onThrowable = Throwable.class, suppress = Throwable.class)
    public static void onExit(@Advice.Enter Scope scope) {
      if (scope != null) {
        scope.close();
      }
    }
  }
}
