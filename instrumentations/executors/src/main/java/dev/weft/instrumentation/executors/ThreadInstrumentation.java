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
 * New threads: {@code start} attaches the starting thread's context to the {@code Thread} object,
 * and the new thread makes it current while it runs: platform threads in {@code Thread.run} (or an
 * application subclass's own {@code run}, {@link ThreadSubclassInstrumentation}), virtual threads
 * (JDK 21+, {@code Thread.ofVirtual()}, {@code newVirtualThreadPerTaskExecutor()}) in {@code
 * VirtualThread.run(Runnable)}. Threads the JDK starts for its own pools get no context: {@code
 * TaskContexts.captureForThread} and the pool advice see to that.
 */
final class ThreadInstrumentation implements TypeInstrumentation {

  @Override
  public TypeMatcher typeMatcher() {
    return TypeMatcher.named("java.lang.Thread", "java.lang.VirtualThread");
  }

  @Override
  public void transform(AdviceTarget target) {
    String self = getClass().getName();
    // Thread.start() and (JDK 19+) start(ThreadContainer); VirtualThread overrides both.
    target.applyInlinedAdvice(named("start"), self + "$StartAdvice");
    // Thread.run(), and VirtualThread's private run(Runnable task).
    target.applyInlinedAdvice(
        named("run").and(takesArguments(0).or(takesArguments(Runnable.class))),
        RunAdvice.class.getName());
  }

  @SuppressWarnings("unused")
  public static final class StartAdvice {
    @Advice.OnMethodEnter(suppress = Throwable.class)
    public static boolean onEnter(@Advice.This Thread thread) {
      return TaskContexts.captureForThread(thread);
    }

    @Advice.OnMethodExit(onThrowable = Throwable.class, suppress = Throwable.class)
    public static void onExit(
        @Advice.This Thread thread,
        @Advice.Enter boolean captured,
        @Advice.Thrown Throwable thrown) {
      if (captured && thrown != null) {
        TaskContexts.clear(thread); // not started (already started, or rejected)
      }
    }
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
