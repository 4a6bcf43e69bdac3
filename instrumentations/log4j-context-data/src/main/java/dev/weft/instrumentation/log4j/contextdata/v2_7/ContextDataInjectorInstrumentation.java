package dev.weft.instrumentation.log4j.contextdata.v2_7;

import static net.bytebuddy.matcher.ElementMatchers.isPublic;
import static net.bytebuddy.matcher.ElementMatchers.named;
import static net.bytebuddy.matcher.ElementMatchers.takesArguments;

import dev.weft.core.instrumentation.AdviceTarget;
import dev.weft.core.instrumentation.TypeInstrumentation;
import dev.weft.core.instrumentation.TypeMatcher;
import net.bytebuddy.asm.Advice;
import net.bytebuddy.implementation.bytecode.assign.Assigner;
import org.apache.logging.log4j.util.StringMap;

/**
 * Weaves every {@code ContextDataInjector.injectContextData(List, StringMap)}: Log4j calls it on
 * the logging thread when it creates a log event, to fill the event's context data from the thread
 * context. Whatever it returns becomes the event's context data, so adding the span's ids there
 * puts them in every layout and appender, synchronous or not.
 */
final class ContextDataInjectorInstrumentation implements TypeInstrumentation {

  @Override
  public TypeMatcher typeMatcher() {
    return TypeMatcher.hasSuperType("org.apache.logging.log4j.core.ContextDataInjector");
  }

  @Override
  public void transform(AdviceTarget target) {
    target.applyAdvice(
        isPublic().and(named("injectContextData")).and(takesArguments(2)),
        getClass().getName() + "$InjectAdvice");
  }

  @SuppressWarnings("unused")
  public static final class InjectAdvice {

    @Advice.OnMethodExit(suppress = Throwable.class)
    // The call site returns Object (its types are erased to reach only java.*): cast back.
    @Advice.AssignReturned.ToReturned(typing = Assigner.Typing.DYNAMIC)
    public static StringMap onExit(@Advice.Return StringMap contextData) {
      return Log4jContextData.inject(contextData);
    }
  }
}
