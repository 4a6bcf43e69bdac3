package dev.weft.core.api.semconv.http;

import java.util.Collections;
import java.util.List;

/**
 * What an HTTP server library knows about one exchange, read by {@link HttpServerSemconv}. Pure:
 * reads the request and response, never the network, never Weft state. Every method may return null
 * (or 0 for numbers) when the value is unknown; none may throw on an unusual request.
 *
 * @param <REQ> the incoming request as the advice sees it
 * @param <RES> the response (may be the same object as the request, e.g. an exchange)
 */
public interface HttpServerAttributesGetter<REQ, RES> {

  /** The method as received, e.g. {@code GET} (not normalized). */
  String method(REQ request);

  /** {@code http} or {@code https}, as the server received the request. */
  String urlScheme(REQ request);

  /** The path as received (still percent-encoded), e.g. {@code /users/42}. */
  String urlPath(REQ request);

  /** The query without {@code ?}, as received; null when there is none. */
  String urlQuery(REQ request);

  /** The matched low-cardinality route template, e.g. {@code /users/{id}}; null when unknown. */
  default String route(REQ request) {
    return null;
  }

  /** Every value of request header {@code name} (lower-case; match case-insensitively). */
  List<String> requestHeader(REQ request, String name);

  /** Every value of response header {@code name} (lower-case; match case-insensitively). */
  default List<String> responseHeader(REQ request, RES response, String name) {
    return Collections.emptyList();
  }

  /** The status code sent, or 0 when none was sent. */
  int statusCode(REQ request, RES response, Throwable error);

  /** {@code network.protocol.name} when it is not {@code http}; null otherwise. */
  default String networkProtocolName(REQ request, RES response) {
    return null;
  }

  /** {@code 1.0}, {@code 1.1}, {@code 2}; null when unknown. */
  default String networkProtocolVersion(REQ request, RES response) {
    return null;
  }

  /** The address of the connection's peer (the client or a proxy). */
  default String networkPeerAddress(REQ request) {
    return null;
  }

  /** The port of the connection's peer; 0 when unknown. */
  default int networkPeerPort(REQ request) {
    return 0;
  }
}
