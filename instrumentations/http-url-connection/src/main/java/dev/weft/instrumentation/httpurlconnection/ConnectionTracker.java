package dev.weft.instrumentation.httpurlconnection;

import dev.weft.bootstrap.context.Context;
import dev.weft.core.api.Suppression;
import dev.weft.core.api.instrumenter.Instrumenter;
import dev.weft.core.api.instrumenter.Operation;
import java.net.HttpURLConnection;

/**
 * One span per connection, however its methods are called: {@code getResponseCode} and the header
 * getters call {@code getInputStream}, which calls {@code connect}, which may be called again for a
 * redirect; applications call {@code getInputStream} and {@code getResponseCode} repeatedly, also
 * after a failure. The state of each connection lives in a weak map (the woven JDK class cannot get
 * a field) and stays there, marked ended, until the connection is collected, so a connection is
 * never traced twice.
 */
public final class ConnectionTracker {

  private final Instrumenter<ConnectionRequest, Integer> instrumenter;
  private final WeakIdentityMap<HttpURLConnection, State> states = new WeakIdentityMap<>();

  ConnectionTracker(Instrumenter<ConnectionRequest, Integer> instrumenter) {
    this.instrumenter = instrumenter;
  }

  /**
   * On entering a woven method: starts the span on the connection's first call (the headers are
   * injected before anything is sent), counts nested calls; null when not traced.
   */
  public State enter(HttpURLConnection connection, boolean connected) {
    Context parent = Context.current();
    if (Suppression.isSuppressed(parent)) {
      return null; // exporter traffic: not even a map lookup
    }
    State state = states.get(connection);
    if (state == null) {
      if (connected) {
        return null; // connected by a call we did not see: too late for headers and timing
      }
      if (!instrumenter.shouldStart(parent)) {
        return null;
      }
      state = new State(instrumenter.start(parent, new ConnectionRequest(connection)));
      states.put(connection, state);
    } else if (state.ended) {
      return null;
    }
    state.depth++;
    return state;
  }

  /**
   * On leaving a woven method: once the outermost call returns, the caller's context is restored;
   * the span ends if the response was read or the call failed. A status code counts as the outcome
   * even when the call threw (the JDK throws for 4xx and 5xx bodies).
   */
  public void exit(State state, boolean responseRead, int responseCode, Throwable error) {
    if (state == null || --state.depth > 0) {
      return;
    }
    Operation<ConnectionRequest, Integer> operation = state.operation;
    operation.closeScope();
    if (!responseRead && error == null) {
      return; // connected or writing the body: the response comes later
    }
    // Before end(): capturing response headers calls getInputStream again, which must not nest.
    state.ended = true;
    if (responseCode > 0) {
      operation.end(responseCode, null);
    } else {
      operation.end(null, error);
    }
  }

  // Visible for testing
  int trackedConnections() {
    return states.size();
  }

  /**
   * One traced connection. Touched by the thread using the connection; the JDK serializes its
   * methods per connection, so plain fields suffice.
   */
  public static final class State {
    final Operation<ConnectionRequest, Integer> operation;
    int depth;
    boolean ended;

    State(Operation<ConnectionRequest, Integer> operation) {
      this.operation = operation;
    }
  }
}
