package dev.weft.instrumentation.httpurlconnection;

import static net.bytebuddy.matcher.ElementMatchers.isPublic;
import static net.bytebuddy.matcher.ElementMatchers.named;
import static net.bytebuddy.matcher.ElementMatchers.takesArguments;

import dev.weft.core.instrumentation.AdviceTarget;
import dev.weft.core.instrumentation.TypeInstrumentation;
import dev.weft.core.instrumentation.TypeMatcher;
import java.net.HttpURLConnection;
import net.bytebuddy.asm.Advice;

/**
 * Weaves {@code sun.net.www.protocol.http.HttpURLConnection}, the JDK's implementation for {@code
 * http:} and (as the delegate behind {@code HttpsURLConnectionImpl}) {@code https:}. The span
 * starts on the first {@code connect}, {@code getOutputStream} or {@code getInputStream}, before
 * the request is written, so the trace headers go with it; it ends when {@code getInputStream} has
 * read the response (which {@code getResponseCode} and the header getters go through), or when a
 * call fails before that. These methods call each other; {@link ConnectionTracker} keeps one span
 * per connection however often and however nested they are called.
 */
final class HttpUrlConnectionInstrumentation implements TypeInstrumentation {

  @Override
  public TypeMatcher typeMatcher() {
    // A java.base class: exact name only. Retransformation may not add fields, so per-connection
    // state lives in ConnectionTracker's weak map.
    return TypeMatcher.named("sun.net.www.protocol.http.HttpURLConnection");
  }

  @Override
  public void transform(AdviceTarget target) {
    target.applyAdvice(
        isPublic().and(named("connect").or(named("getOutputStream"))).and(takesArguments(0)),
        getClass().getName() + "$ConnectAdvice");
    target.applyAdvice(
        isPublic().and(named("getInputStream")).and(takesArguments(0)),
        getClass().getName() + "$InputStreamAdvice");
  }

  /** Starts the span if this is the connection's first call; ends it only if the call fails. */
  @SuppressWarnings("unused")
  public static final class ConnectAdvice {

    @Advice.OnMethodEnter(suppress = Throwable.class)
    public static ConnectionTracker.State onEnter(
        @Advice.This HttpURLConnection connection,
        @Advice.FieldValue("connected") boolean connected) {
      return HttpUrlConnectionSingletons.tracker().enter(connection, connected);
    }

    @Advice.OnMethodExit(onThrowable = Throwable.class, suppress = Throwable.class)
    public static void onExit(
        @Advice.Enter ConnectionTracker.State state, @Advice.Thrown Throwable error) {
      HttpUrlConnectionSingletons.tracker().exit(state, false, 0, error);
    }
  }

  /** Like {@link ConnectAdvice}, and ends the span: the response has been read (or failed). */
  @SuppressWarnings("unused")
  public static final class InputStreamAdvice {

    @Advice.OnMethodEnter(suppress = Throwable.class)
    public static ConnectionTracker.State onEnter(
        @Advice.This HttpURLConnection connection,
        @Advice.FieldValue("connected") boolean connected) {
      return HttpUrlConnectionSingletons.tracker().enter(connection, connected);
    }

    @Advice.OnMethodExit(onThrowable = Throwable.class, suppress = Throwable.class)
    public static void onExit(
        @Advice.Enter ConnectionTracker.State state,
        @Advice.FieldValue("responseCode") int responseCode,
        @Advice.Thrown Throwable error) {
      HttpUrlConnectionSingletons.tracker().exit(state, true, responseCode, error);
    }
  }
}
