package dev.weft.instrumentation.httpurlconnection;

import static net.bytebuddy.matcher.ElementMatchers.isPublic;
import static net.bytebuddy.matcher.ElementMatchers.named;
import static net.bytebuddy.matcher.ElementMatchers.takesArguments;

import dev.weft.core.instrumentation.AdviceTarget;
import dev.weft.core.instrumentation.TypeInstrumentation;
import dev.weft.core.instrumentation.TypeMatcher;

/**
 * The https delegate overrides {@code connect} (TLS handshake and proxy tunnelling happen there,
 * after the plain connect), so its own method gets the same advice as the http one: a span starts
 * before the handshake and ends if it fails.
 */
final class HttpsConnectInstrumentation implements TypeInstrumentation {

  @Override
  public TypeMatcher typeMatcher() {
    return TypeMatcher.named("sun.net.www.protocol.https.AbstractDelegateHttpsURLConnection");
  }

  @Override
  public void transform(AdviceTarget target) {
    target.applyAdvice(
        isPublic().and(named("connect")).and(takesArguments(0)),
        HttpUrlConnectionInstrumentation.class.getName() + "$ConnectAdvice");
  }
}
