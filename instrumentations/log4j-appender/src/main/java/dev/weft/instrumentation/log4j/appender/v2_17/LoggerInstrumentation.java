package dev.weft.instrumentation.log4j.appender.v2_17;

import static net.bytebuddy.matcher.ElementMatchers.named;
import static net.bytebuddy.matcher.ElementMatchers.takesArgument;
import static net.bytebuddy.matcher.ElementMatchers.takesArguments;

import dev.weft.core.instrumentation.AdviceTarget;
import dev.weft.core.instrumentation.TypeInstrumentation;
import dev.weft.core.instrumentation.TypeMatcher;
import net.bytebuddy.asm.Advice;
import org.apache.logging.log4j.Level;
import org.apache.logging.log4j.core.Logger;
import org.apache.logging.log4j.message.Message;

/**
 * Weaves the two methods of {@code org.apache.logging.log4j.core.Logger} that every enabled event
 * reaches after the level check: {@code logMessage(fqcn, level, marker, message, thrown)} (the
 * classic API) and {@code log(level, marker, fqcn, location, message, thrown)} (the {@code
 * LogBuilder} API). Neither calls the other; a depth guard keeps one record per event if a version
 * ever does.
 */
final class LoggerInstrumentation implements TypeInstrumentation {

  @Override
  public TypeMatcher typeMatcher() {
    return TypeMatcher.named("org.apache.logging.log4j.core.Logger");
  }

  @Override
  public void transform(AdviceTarget target) {
    target.applyAdvice(
        named("logMessage")
            .and(takesArguments(5))
            .and(takesArgument(0, String.class))
            .and(takesArgument(3, named("org.apache.logging.log4j.message.Message"))),
        getClass().getName() + "$LogMessageAdvice");
    target.applyAdvice(
        named("log")
            .and(takesArguments(6))
            .and(takesArgument(3, StackTraceElement.class))
            .and(takesArgument(4, named("org.apache.logging.log4j.message.Message"))),
        getClass().getName() + "$LogWithLocationAdvice");
  }

  @SuppressWarnings("unused")
  public static final class LogMessageAdvice {

    @Advice.OnMethodEnter(suppress = Throwable.class)
    public static boolean onEnter(
        @Advice.This Logger logger,
        @Advice.Argument(0) String fqcn,
        @Advice.Argument(1) Level level,
        @Advice.Argument(3) Message message,
        @Advice.Argument(4) Throwable thrown) {
      return Log4jBridge.enter(logger, fqcn, level, null, message, thrown);
    }

    @Advice.OnMethodExit(onThrowable = Throwable.class, suppress = Throwable.class)
    public static void onExit(@Advice.Enter boolean entered) {
      Log4jBridge.exit(entered);
    }
  }

  @SuppressWarnings("unused")
  public static final class LogWithLocationAdvice {

    @Advice.OnMethodEnter(suppress = Throwable.class)
    public static boolean onEnter(
        @Advice.This Logger logger,
        @Advice.Argument(0) Level level,
        @Advice.Argument(2) String fqcn,
        @Advice.Argument(3) StackTraceElement location,
        @Advice.Argument(4) Message message,
        @Advice.Argument(5) Throwable thrown) {
      return Log4jBridge.enter(logger, fqcn, level, location, message, thrown);
    }

    @Advice.OnMethodExit(onThrowable = Throwable.class, suppress = Throwable.class)
    public static void onExit(@Advice.Enter boolean entered) {
      Log4jBridge.exit(entered);
    }
  }
}
