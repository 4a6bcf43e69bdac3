package dev.weft.instrumentation.executors;

import dev.weft.core.instrumentation.AdviceTarget;
import dev.weft.core.instrumentation.TypeInstrumentation;
import dev.weft.core.instrumentation.TypeMatcher;

/**
 * A cancelled {@code FutureTask} (what {@code submit}, {@code invokeAll} and {@code schedule*}
 * queue) stays in the pool's queue until its turn or a {@code purge()}, and in the caller's hands
 * for as long as it likes: forget its context at once. Subclasses that override {@code cancel} call
 * this one.
 */
final class FutureTaskInstrumentation implements TypeInstrumentation {

  @Override
  public TypeMatcher typeMatcher() {
    return TypeMatcher.named("java.util.concurrent.FutureTask");
  }

  @Override
  public void transform(AdviceTarget target) {
    target.applyHooks(TaskAdvice.cancel());
  }
}
