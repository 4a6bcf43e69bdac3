package dev.weft.instrumentation.javahttpclient;

import dev.weft.core.api.instrumenter.Operation;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.function.BiConsumer;

/**
 * Ends the span when the response future completes. A cancellation is the caller's decision (an
 * interrupted {@code send}, a cancelled future), not a failure of the call: the span ends without
 * error, as the HTTP conventions ask.
 */
final class EndOnCompletion implements BiConsumer<Object, Throwable> {

  private final Operation<HttpRequest, HttpResponse<?>> operation;

  EndOnCompletion(Operation<HttpRequest, HttpResponse<?>> operation) {
    this.operation = operation;
  }

  @Override
  public void accept(Object response, Throwable error) {
    Throwable cause = unwrap(error);
    if (cause instanceof CancellationException) {
      cause = null;
    }
    operation.end(response instanceof HttpResponse ? (HttpResponse<?>) response : null, cause);
  }

  static Throwable unwrap(Throwable error) {
    Throwable cause = error;
    while ((cause instanceof CompletionException || cause instanceof ExecutionException)
        && cause.getCause() != null) {
      cause = cause.getCause();
    }
    return cause;
  }
}
