package dev.weft.core.api.semconv.http;

import static dev.weft.core.api.common.AttributeKey.longKey;
import static dev.weft.core.api.common.AttributeKey.stringKey;

import dev.weft.core.api.common.AttributeKey;

/** The attribute keys of HTTP spans (semantic conventions v1.44, stable HTTP). */
public final class HttpAttributes {

  public static final AttributeKey<String> HTTP_REQUEST_METHOD = stringKey("http.request.method");
  public static final AttributeKey<String> HTTP_REQUEST_METHOD_ORIGINAL =
      stringKey("http.request.method_original");
  public static final AttributeKey<Long> HTTP_RESPONSE_STATUS_CODE =
      longKey("http.response.status_code");
  public static final AttributeKey<String> HTTP_ROUTE = stringKey("http.route");

  public static final AttributeKey<String> URL_FULL = stringKey("url.full");
  public static final AttributeKey<String> URL_PATH = stringKey("url.path");
  public static final AttributeKey<String> URL_QUERY = stringKey("url.query");
  public static final AttributeKey<String> URL_SCHEME = stringKey("url.scheme");

  public static final AttributeKey<String> SERVER_ADDRESS = stringKey("server.address");
  public static final AttributeKey<Long> SERVER_PORT = longKey("server.port");
  public static final AttributeKey<String> CLIENT_ADDRESS = stringKey("client.address");
  public static final AttributeKey<String> NETWORK_PEER_ADDRESS = stringKey("network.peer.address");
  public static final AttributeKey<Long> NETWORK_PEER_PORT = longKey("network.peer.port");
  public static final AttributeKey<String> NETWORK_PROTOCOL_NAME =
      stringKey("network.protocol.name");
  public static final AttributeKey<String> NETWORK_PROTOCOL_VERSION =
      stringKey("network.protocol.version");
  public static final AttributeKey<String> USER_AGENT_ORIGINAL = stringKey("user_agent.original");
  public static final AttributeKey<String> ERROR_TYPE = stringKey("error.type");

  /** Prefix of captured request headers: {@code http.request.header.<lower-case name>}. */
  public static final String REQUEST_HEADER_PREFIX = "http.request.header.";

  /** Prefix of captured response headers: {@code http.response.header.<lower-case name>}. */
  public static final String RESPONSE_HEADER_PREFIX = "http.response.header.";

  /** {@code http.request.method} of a method outside the known set; also {@code error.type}. */
  public static final String OTHER = "_OTHER";

  private HttpAttributes() {}
}
