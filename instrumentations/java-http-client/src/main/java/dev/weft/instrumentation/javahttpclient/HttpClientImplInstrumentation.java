package dev.weft.instrumentation.javahttpclient;

import static net.bytebuddy.matcher.ElementMatchers.isPrivate;
import static net.bytebuddy.matcher.ElementMatchers.named;
import static net.bytebuddy.matcher.ElementMatchers.returns;
import static net.bytebuddy.matcher.ElementMatchers.takesArgument;
import static net.bytebuddy.matcher.ElementMatchers.takesArguments;

import dev.weft.core.instrumentation.AdviceTarget;
import dev.weft.core.instrumentation.TypeInstrumentation;
import dev.weft.core.instrumentation.TypeMatcher;
import java.net.http.HttpRequest;
import java.util.concurrent.CompletableFuture;
import net.bytebuddy.asm.Advice;
import net.bytebuddy.implementation.bytecode.assign.Assigner;

/**
 * Weaves {@code jdk.internal.net.http.HttpClientImpl}, the implementation behind every {@code
 * HttpClient} the JDK hands out. {@code send}, both public {@code sendAsync}s end in the private
 * four-argument {@code sendAsync(request, handler, pushHandler, executor)}, which returns the
 * future the caller gets (or {@code send} waits on): weaving it alone gives one span per call, for
 * the blocking and the asynchronous API alike, ended when that future completes.
 *
 * <p>{@code HttpRequest} is immutable, so the enter advice returns a copy carrying the trace
 * headers, which {@link Advice.AssignReturned.ToArguments} puts in place of argument 0: delegated
 * advice cannot write arguments directly.
 */
final class HttpClientImplInstrumentation implements TypeInstrumentation {

  @Override
  public TypeMatcher typeMatcher() {
    // A platform class (java.net.http), so matched by exact name; it is often loaded before the
    // agent and then retransformed, hence no new fields: per-call state stays in the advice.
    return TypeMatcher.named("jdk.internal.net.http.HttpClientImpl");
  }

  @Override
  public void transform(AdviceTarget target) {
    target.applyAdvice(
        isPrivate()
            .and(named("sendAsync"))
            .and(takesArguments(4))
            .and(takesArgument(0, named("java.net.http.HttpRequest")))
            .and(returns(named("java.util.concurrent.CompletableFuture"))),
        getClass().getName() + "$SendAsyncAdvice");
  }

  @SuppressWarnings("unused")
  public static final class SendAsyncAdvice {

    /** Returns null (not traced) or {operation, request to send}. */
    @Advice.OnMethodEnter(suppress = Throwable.class)
    @Advice.AssignReturned.ToArguments(
        @Advice.AssignReturned.ToArguments.ToArgument(
            value = 0,
            index = ClientCalls.REQUEST_INDEX,
            typing = Assigner.Typing.DYNAMIC))
    public static Object[] onEnter(@Advice.Argument(0) HttpRequest request) {
      return ClientCalls.enter(JavaHttpClientSingletons.instrumenter(), request);
    }

    @Advice.OnMethodExit(onThrowable = Throwable.class, suppress = Throwable.class)
    public static void onExit(
        @Advice.Enter Object[] call,
        @Advice.Return CompletableFuture<?> future,
        @Advice.Thrown Throwable error) {
      ClientCalls.exit(call, future, error);
    }
  }
}
