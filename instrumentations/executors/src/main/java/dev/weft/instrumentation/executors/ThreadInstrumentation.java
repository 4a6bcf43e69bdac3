package dev.weft.instrumentation.executors;

import static dev.weft.core.instrumentation.MethodHooks.Value.self;

import dev.weft.core.instrumentation.AdviceTarget;
import dev.weft.core.instrumentation.MethodHooks;
import dev.weft.core.instrumentation.TypeInstrumentation;
import dev.weft.core.instrumentation.TypeMatcher;

/**
 * New threads: {@code start} attaches the starting thread's context to the {@code Thread} object,
 * and the new thread makes it current while it runs: platform threads in {@code Thread.run} (or an
 * application subclass's own {@code run}, {@link ThreadSubclassInstrumentation}), virtual threads
 * (JDK 21+, {@code Thread.ofVirtual()}, {@code newVirtualThreadPerTaskExecutor()}) in {@code
 * VirtualThread.run(Runnable)}. Threads the JDK starts for its own pools get no context: {@code
 * TaskContexts.captureForThread} and the pool hooks see to that. A start that throws (already
 * started, or no native thread) forgets what it attached.
 */
final class ThreadInstrumentation implements TypeInstrumentation {

  @Override
  public TypeMatcher typeMatcher() {
    return TypeMatcher.named("java.lang.Thread", "java.lang.VirtualThread");
  }

  @Override
  public void transform(AdviceTarget target) {
    // Thread.start() and (JDK 19+) start(ThreadContainer); VirtualThread overrides both.
    target.applyHooks(
        MethodHooks.method("start", null)
            .atEnter(TaskAdvice.HOOKS, "captureThread", self())
            .atThrow(TaskAdvice.HOOKS, "threadNotStarted", self()));
    // Thread.run(), and VirtualThread's private run(Runnable task).
    target.applyHooks(
        MethodHooks.method("run", "()").around(TaskAdvice.HOOKS, "attachThread", self(), "exit"));
    target.applyHooks(
        MethodHooks.method("run", "(Ljava/lang/Runnable;)")
            .around(TaskAdvice.HOOKS, "attachThread", self(), "exit"));
  }
}
