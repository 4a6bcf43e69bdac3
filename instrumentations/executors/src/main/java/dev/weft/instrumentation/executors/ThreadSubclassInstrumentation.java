package dev.weft.instrumentation.executors;

import static net.bytebuddy.matcher.ElementMatchers.named;
import static net.bytebuddy.matcher.ElementMatchers.takesArguments;

import dev.weft.core.instrumentation.AdviceTarget;
import dev.weft.core.instrumentation.TypeInstrumentation;
import dev.weft.core.instrumentation.TypeMatcher;

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
    target.applyAdvice(
        named("run").and(takesArguments(0)), ThreadInstrumentation.RunAdvice.class.getName());
  }
}
