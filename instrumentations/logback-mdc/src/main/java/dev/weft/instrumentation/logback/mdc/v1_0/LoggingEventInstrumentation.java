package dev.weft.instrumentation.logback.mdc.v1_0;

import static net.bytebuddy.matcher.ElementMatchers.isPublic;
import static net.bytebuddy.matcher.ElementMatchers.named;
import static net.bytebuddy.matcher.ElementMatchers.takesArguments;

import ch.qos.logback.classic.spi.LoggingEvent;
import dev.weft.core.instrumentation.AdviceTarget;
import dev.weft.core.instrumentation.TypeInstrumentation;
import dev.weft.core.instrumentation.TypeMatcher;
import java.util.Map;
import net.bytebuddy.asm.Advice;

/**
 * Weaves {@code LoggingEvent.getMDCPropertyMap()}, through which every MDC reader goes (pattern
 * converters, encoders, {@code prepareForDeferredProcessing} before an asynchronous appender queues
 * the event). The event computes its MDC map once, on first call, and caches it in a field; the
 * advice sets that field first (through the public {@code setMDCPropertyMap}) to the MDC plus the
 * span's ids. The first call happens on the logging thread, so the ids are the logging call's, and
 * the cached map carries them to any thread the event later reaches.
 */
final class LoggingEventInstrumentation implements TypeInstrumentation {

  @Override
  public TypeMatcher typeMatcher() {
    return TypeMatcher.named("ch.qos.logback.classic.spi.LoggingEvent");
  }

  @Override
  public void transform(AdviceTarget target) {
    target.applyAdvice(
        isPublic().and(named("getMDCPropertyMap")).and(takesArguments(0)),
        getClass().getName() + "$GetMdcAdvice");
  }

  @SuppressWarnings("unused")
  public static final class GetMdcAdvice {

    @Advice.OnMethodEnter(suppress = Throwable.class)
    public static void onEnter(
        @Advice.This LoggingEvent event,
        @Advice.FieldValue("mdcPropertyMap") Map<String, String> cached) {
      if (cached == null) {
        LogbackMdc.inject(event);
      }
    }
  }
}
