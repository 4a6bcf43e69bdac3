package dev.weft.instrumentation.javahttpclient;

import dev.weft.bootstrap.context.Context;
import dev.weft.core.api.instrumenter.Instrumenter;
import dev.weft.core.api.instrumenter.Operation;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.concurrent.CompletableFuture;

/** What the send advice does, apart from the woven call: start, inject, end on completion. */
final class ClientCalls {

  /** Index of the operation in the array the enter advice returns. */
  static final int OPERATION_INDEX = 0;

  /** Index of the request to send (the original or a copy with trace headers). */
  static final int REQUEST_INDEX = 1;

  // The WebSocket opening handshake passes the JDK's own request type, whose identity the client
  // relies on (WebSocket proxy and upgrade headers); it is neither copied nor traced.
  private static final String INTERNAL_REQUEST = "jdk.internal.net.http.HttpRequestImpl";

  private ClientCalls() {}

  /**
   * Starts the span and makes the request carry it; null when nothing is traced (suppressed, inside
   * another client span, or an internal request), so that nothing is allocated then.
   */
  static Object[] enter(
      Instrumenter<HttpRequest, HttpResponse<?>> instrumenter, HttpRequest request) {
    if (request == null || INTERNAL_REQUEST.equals(request.getClass().getName())) {
      return null;
    }
    Context parent = Context.current();
    if (!instrumenter.shouldStart(parent)) {
      return null;
    }
    Operation<HttpRequest, HttpResponse<?>> operation = instrumenter.start(parent, request);
    HttpRequest toSend = request;
    try {
      InjectedHeaders headers = new InjectedHeaders();
      instrumenter.inject(operation.context(), headers, InjectedHeaders.SETTER);
      if (!headers.isEmpty()) {
        toSend = new TracedHttpRequest(request, headers.values());
      }
    } catch (Throwable t) {
      // Propagation is best effort: the request goes out as the application built it, and the
      // span, already current, still ends in exit.
      toSend = request;
    }
    Object[] call = new Object[2];
    call[OPERATION_INDEX] = operation;
    call[REQUEST_INDEX] = toSend;
    return call;
  }

  /**
   * Restores the caller's context, then ends the span now (the call threw) or when the future
   * completes, on whichever thread completes it. The caller's future is left as it is: the end
   * hangs off a dependent stage nobody else sees.
   */
  static void exit(Object[] call, CompletableFuture<?> future, Throwable error) {
    if (call == null) {
      return;
    }
    @SuppressWarnings("unchecked")
    Operation<HttpRequest, HttpResponse<?>> operation =
        (Operation<HttpRequest, HttpResponse<?>>) call[OPERATION_INDEX];
    operation.closeScope();
    if (error != null || future == null) {
      operation.end(null, error);
      return;
    }
    future.whenComplete(new EndOnCompletion(operation));
  }
}
