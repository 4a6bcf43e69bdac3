package dev.weft.core.api.semconv.http;

import dev.weft.core.config.ConfigProperties;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The HTTP instrumentation options, read once when an instrumentation builds its semconv: known
 * methods, captured headers, and the query parameters whose values are redacted. Keys and defaults
 * are the OpenTelemetry Java agent's. Immutable.
 */
public final class HttpSettings {

  static final String KNOWN_METHODS_KEY = "otel.instrumentation.http.known-methods";
  static final String SENSITIVE_QUERY_KEY =
      "otel.instrumentation.sanitization.url.experimental.sensitive-query-parameters";
  static final String SERVER_REQUEST_HEADERS_KEY =
      "otel.instrumentation.http.server.capture-request-headers";
  static final String SERVER_RESPONSE_HEADERS_KEY =
      "otel.instrumentation.http.server.capture-response-headers";
  static final String CLIENT_REQUEST_HEADERS_KEY =
      "otel.instrumentation.http.client.capture-request-headers";
  static final String CLIENT_RESPONSE_HEADERS_KEY =
      "otel.instrumentation.http.client.capture-response-headers";

  // RFC 9110 plus PATCH (RFC 5789).
  private static final List<String> DEFAULT_KNOWN_METHODS =
      Arrays.asList("CONNECT", "DELETE", "GET", "HEAD", "OPTIONS", "PATCH", "POST", "PUT", "TRACE");
  private static final List<String> DEFAULT_SENSITIVE_QUERY_PARAMETERS =
      Arrays.asList(
          "AWSAccessKeyId",
          "Signature",
          "X-Amz-Signature",
          "X-Amz-Credential",
          "X-Amz-Security-Token",
          "sig",
          "X-Goog-Signature");

  private static final HttpSettings DEFAULTS =
      new HttpSettings(
          DEFAULT_KNOWN_METHODS,
          DEFAULT_SENSITIVE_QUERY_PARAMETERS,
          Collections.emptyList(),
          Collections.emptyList(),
          Collections.emptyList(),
          Collections.emptyList());

  final Set<String> knownMethods;
  final String[] sensitiveQueryParameters;
  final CapturedHeaders serverRequestHeaders;
  final CapturedHeaders serverResponseHeaders;
  final CapturedHeaders clientRequestHeaders;
  final CapturedHeaders clientResponseHeaders;

  private HttpSettings(
      List<String> knownMethods,
      List<String> sensitiveQueryParameters,
      List<String> serverRequestHeaders,
      List<String> serverResponseHeaders,
      List<String> clientRequestHeaders,
      List<String> clientResponseHeaders) {
    this.knownMethods = Collections.unmodifiableSet(new LinkedHashSet<>(knownMethods));
    this.sensitiveQueryParameters = sensitiveQueryParameters.toArray(new String[0]);
    this.serverRequestHeaders =
        CapturedHeaders.of(serverRequestHeaders, HttpAttributes.REQUEST_HEADER_PREFIX);
    this.serverResponseHeaders =
        CapturedHeaders.of(serverResponseHeaders, HttpAttributes.RESPONSE_HEADER_PREFIX);
    this.clientRequestHeaders =
        CapturedHeaders.of(clientRequestHeaders, HttpAttributes.REQUEST_HEADER_PREFIX);
    this.clientResponseHeaders =
        CapturedHeaders.of(clientResponseHeaders, HttpAttributes.RESPONSE_HEADER_PREFIX);
  }

  /** The OpenTelemetry agent's defaults: nothing captured, the standard methods and parameters. */
  public static HttpSettings defaults() {
    return DEFAULTS;
  }

  /** Reads the options from {@code config}; a list given there replaces the default entirely. */
  public static HttpSettings from(ConfigProperties config) {
    return new HttpSettings(
        listOrDefault(config, KNOWN_METHODS_KEY, DEFAULT_KNOWN_METHODS),
        listOrDefault(config, SENSITIVE_QUERY_KEY, DEFAULT_SENSITIVE_QUERY_PARAMETERS),
        config.getList(SERVER_REQUEST_HEADERS_KEY),
        config.getList(SERVER_RESPONSE_HEADERS_KEY),
        config.getList(CLIENT_REQUEST_HEADERS_KEY),
        config.getList(CLIENT_RESPONSE_HEADERS_KEY));
  }

  private static List<String> listOrDefault(
      ConfigProperties config, String key, List<String> defaults) {
    List<String> configured = config.getList(key);
    return configured.isEmpty() ? defaults : configured;
  }

  /** The methods reported as they are; any other becomes {@code _OTHER}. */
  public Set<String> knownMethods() {
    return knownMethods;
  }

  @Override
  public String toString() {
    return "HttpSettings{knownMethods="
        + knownMethods
        + ", sensitiveQueryParameters="
        + Arrays.toString(sensitiveQueryParameters)
        + ", server request/response headers="
        + serverRequestHeaders
        + "/"
        + serverResponseHeaders
        + ", client request/response headers="
        + clientRequestHeaders
        + "/"
        + clientResponseHeaders
        + "}";
  }
}
