package dev.weft.instrumentation.executors;

import static dev.weft.core.instrumentation.MethodHooks.Value.argument;
import static dev.weft.core.instrumentation.MethodHooks.Value.self;

import dev.weft.core.instrumentation.AdviceTarget;
import dev.weft.core.instrumentation.MethodHooks;
import dev.weft.core.instrumentation.TypeInstrumentation;
import dev.weft.core.instrumentation.TypeMatcher;

/**
 * {@code CompletableFuture}: the async methods submit tasks that the executor instrumentations
 * carry; a dependent stage added to a stage not yet complete is a {@code Completion} pushed on that
 * stage's stack, and runs later on whichever thread completes it. The push attaches the caller's
 * context to the completion, and {@code tryFire} makes it current. A completion may be fired more
 * than once before it runs (a stage depending on two others), so firing leaves the context
 * attached; it goes with the completion, which nothing references once it has run.
 */
final class CompletableFutureInstrumentation {

  // Every Completion subclass with a tryFire (JDK 11 to 25), except Signaller (a blocked get()).
  private static final String[] COMPLETIONS = {
    "UniApply",
    "UniAccept",
    "UniRun",
    "UniWhenComplete",
    "UniHandle",
    "UniExceptionally",
    "UniComposeExceptionally",
    "UniRelay",
    "UniCompose",
    "BiApply",
    "BiAccept",
    "BiRun",
    "BiRelay",
    "OrApply",
    "OrAccept",
    "OrRun",
    "AnyOf",
    "CoCompletion",
  };

  private CompletableFutureInstrumentation() {}

  /**
   * {@code tryPushStack}: every completion queued on a stage. The completing thread moves
   * dependents onto its own stage's stack (through this method too): the context of the thread that
   * added the stage wins.
   */
  static final class Push implements TypeInstrumentation {
    @Override
    public TypeMatcher typeMatcher() {
      return TypeMatcher.named("java.util.concurrent.CompletableFuture");
    }

    @Override
    public void transform(AdviceTarget target) {
      target.applyHooks(
          MethodHooks.method(
                  "tryPushStack", "(Ljava/util/concurrent/CompletableFuture$Completion;)")
              .atEnter(TaskAdvice.HOOKS, "captureCompletion", argument(0)));
    }
  }

  /** {@code tryFire} of every completion class. */
  static final class Fire implements TypeInstrumentation {
    @Override
    public TypeMatcher typeMatcher() {
      String[] names = new String[COMPLETIONS.length];
      for (int i = 0; i < names.length; i++) {
        names[i] = "java.util.concurrent.CompletableFuture$" + COMPLETIONS[i];
      }
      return TypeMatcher.named(names);
    }

    @Override
    public void transform(AdviceTarget target) {
      target.applyHooks(
          MethodHooks.method("tryFire", "(I)")
              .around(TaskAdvice.HOOKS, "attachKeeping", self(), "exit"));
    }
  }
}
