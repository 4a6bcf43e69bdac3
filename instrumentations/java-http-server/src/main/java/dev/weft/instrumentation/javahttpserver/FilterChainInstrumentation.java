package dev.weft.instrumentation.javahttpserver;

import static net.bytebuddy.matcher.ElementMatchers.isPublic;
import static net.bytebuddy.matcher.ElementMatchers.named;
import static net.bytebuddy.matcher.ElementMatchers.takesArgument;
import static net.bytebuddy.matcher.ElementMatchers.takesArguments;

import com.sun.net.httpserver.HttpExchange;
import dev.weft.bootstrap.context.Context;
import dev.weft.core.api.instrumenter.Instrumenter;
import dev.weft.core.api.instrumenter.Operation;
import dev.weft.core.instrumentation.AdviceTarget;
import dev.weft.core.instrumentation.TypeInstrumentation;
import dev.weft.core.instrumentation.TypeMatcher;
import net.bytebuddy.asm.Advice;

/**
 * Weaves {@code com.sun.net.httpserver.Filter$Chain.doFilter}, the JDK class through which the
 * server runs every exchange: first the user's filters, then (through a second chain) its own
 * filters and the handler. The outermost call covers the whole exchange, filters included, exactly
 * once per request; the nested calls find a server span current and start nothing. Matching handler
 * implementations instead would miss filters and nest spans for delegating handlers.
 */
final class FilterChainInstrumentation implements TypeInstrumentation {

  @Override
  public TypeMatcher typeMatcher() {
    // A platform class, so matched by exact name (super-type matching skips the JDK).
    return TypeMatcher.named("com.sun.net.httpserver.Filter$Chain");
  }

  @Override
  public void transform(AdviceTarget target) {
    target.applyAdvice(
        isPublic()
            .and(named("doFilter"))
            .and(takesArguments(1))
            .and(takesArgument(0, named("com.sun.net.httpserver.HttpExchange"))),
        getClass().getName() + "$DoFilterAdvice");
  }

  @SuppressWarnings("unused")
  public static final class DoFilterAdvice {

    @Advice.OnMethodEnter(suppress = Throwable.class)
    public static Operation<HttpExchange, HttpExchange> onEnter(
        @Advice.Argument(0) HttpExchange exchange) {
      Instrumenter<HttpExchange, HttpExchange> instrumenter =
          JavaHttpServerSingletons.instrumenter();
      Context parent = Context.current();
      if (exchange == null || !instrumenter.shouldStart(parent)) {
        return null; // a nested chain (or suppressed): nothing allocated
      }
      return instrumenter.start(parent, exchange);
    }

    @Advice.OnMethodExit(onThrowable = Throwable.class, suppress = Throwable.class)
    public static void onExit(
        @Advice.Argument(0) HttpExchange exchange,
        @Advice.Enter Operation<HttpExchange, HttpExchange> operation,
        @Advice.Thrown Throwable error) {
      if (operation != null) {
        // The status was set by sendResponseHeaders; the exchange reports it.
        operation.end(exchange, error);
      }
    }
  }
}
