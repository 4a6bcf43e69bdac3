package dev.weft.instrumentation.httpurlconnection;

import java.lang.ref.WeakReference;
import java.net.HttpURLConnection;

/**
 * The request of a traced connection, as the instrumenter sees it. Refers to the connection weakly:
 * the operation that holds this request is a value in {@link ConnectionTracker}'s map, which is
 * keyed by the connection, and a strong reference would keep an abandoned connection (and its map
 * entry) alive forever.
 */
final class ConnectionRequest extends WeakReference<HttpURLConnection> {

  ConnectionRequest(HttpURLConnection connection) {
    super(connection);
  }
}
