package dev.weft.core.api.semconv.http;

import java.util.Collections;
import java.util.List;

/**
 * What an HTTP client library knows about one outgoing request, read by {@link HttpClientSemconv}.
 * Pure: reads the request and response, never the network, never Weft state. Every method may
 * return null (or 0 for numbers) when the value is unknown; none may throw on an unusual request.
 *
 * @param <REQ> the outgoing request as the advice sees it
 * @param <RES> the response, null when none was received
 */
public interface HttpClientAttributesGetter<REQ, RES> {

  /** The method as sent, e.g. {@code GET} (not normalized). */
  String method(REQ request);

  /** The absolute URL as sent; credentials and sensitive query values are redacted later. */
  String urlFull(REQ request);

  /** The host of the target (name or IP literal, without brackets). */
  String serverAddress(REQ request);

  /** The port of the target, the scheme's default when the URL has none; 0 when unknown. */
  int serverPort(REQ request);

  /** Every value of request header {@code name} (lower-case; match case-insensitively). */
  default List<String> requestHeader(REQ request, String name) {
    return Collections.emptyList();
  }

  /** The status code received, or 0 when no response was received. */
  int statusCode(REQ request, RES response, Throwable error);

  /** Every value of response header {@code name} (lower-case; match case-insensitively). */
  default List<String> responseHeader(REQ request, RES response, String name) {
    return Collections.emptyList();
  }

  /** {@code network.protocol.name} when it is not {@code http}; null otherwise. */
  default String networkProtocolName(REQ request, RES response) {
    return null;
  }

  /** {@code 1.0}, {@code 1.1}, {@code 2}; null when unknown. */
  default String networkProtocolVersion(REQ request, RES response) {
    return null;
  }

  /** The address actually connected to; null when unknown. */
  default String networkPeerAddress(REQ request, RES response) {
    return null;
  }

  /** The port actually connected to; 0 when unknown. */
  default int networkPeerPort(REQ request, RES response) {
    return 0;
  }
}
