package dev.weft.smoketest.extension;

import static net.bytebuddy.matcher.ElementMatchers.named;

import dev.weft.core.instrumentation.AdviceTarget;
import dev.weft.core.instrumentation.TypeInstrumentation;
import dev.weft.core.instrumentation.TypeMatcher;
import net.bytebuddy.asm.Advice;

/** Exercises the inlined-advice path (reserved for early JDK classes) on an application class. */
final class InlinedTaskInstrumentation implements TypeInstrumentation {

  @Override
  public TypeMatcher typeMatcher() {
    return TypeMatcher.named("dev.weft.smoketest.apps.ConcreteTask");
  }

  @Override
  public void transform(AdviceTarget target) {
    target.applyInlinedAdvice(named("run"), getClass().getName() + "$InlinedAdvice");
  }

  @SuppressWarnings("unused")
  public static final class InlinedAdvice {

    // Copied into the woven method: JDK types only, no string concatenation, no lambdas.
    @Advice.OnMethodEnter(suppress = Throwable.class)
    public static void onEnter() {
      System.err.println("[weft-test] inlined advice ran");
    }
  }
}
