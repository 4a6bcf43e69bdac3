package dev.weft.instrumentation.jul;

import static net.bytebuddy.matcher.ElementMatchers.isPublic;
import static net.bytebuddy.matcher.ElementMatchers.named;
import static net.bytebuddy.matcher.ElementMatchers.takesArgument;
import static net.bytebuddy.matcher.ElementMatchers.takesArguments;

import dev.weft.core.instrumentation.AdviceTarget;
import dev.weft.core.instrumentation.TypeInstrumentation;
import dev.weft.core.instrumentation.TypeMatcher;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import net.bytebuddy.asm.Advice;

/**
 * Weaves {@code java.util.logging.Logger.log(LogRecord)}, where every convenience method ({@code
 * info}, {@code log(Level, ...)}, {@code logp}, platform loggers) ends. The class is usually loaded
 * before the agent and is then retransformed; the advice keeps no state in it and is dispatched
 * through {@code invokedynamic} like any other (the first JUL call links it; linking never logs
 * through JUL, so it cannot recurse).
 */
final class LoggerInstrumentation implements TypeInstrumentation {

  @Override
  public TypeMatcher typeMatcher() {
    return TypeMatcher.named("java.util.logging.Logger");
  }

  @Override
  public void transform(AdviceTarget target) {
    target.applyAdvice(
        isPublic()
            .and(named("log"))
            .and(takesArguments(1))
            .and(takesArgument(0, named("java.util.logging.LogRecord"))),
        getClass().getName() + "$LogAdvice");
  }

  @SuppressWarnings("unused")
  public static final class LogAdvice {

    @Advice.OnMethodEnter(suppress = Throwable.class)
    public static void onEnter(@Advice.This Logger logger, @Advice.Argument(0) LogRecord record) {
      JulBridge.emit(logger, record);
    }
  }
}
