package dev.weft.instrumentation.javahttpclient;

import dev.weft.core.api.semconv.http.HttpClientAttributesGetter;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Collections;
import java.util.List;

/** HTTP facts of one {@code HttpClient} call: the request as the application built it. Pure. */
final class JavaHttpClientGetter
    implements HttpClientAttributesGetter<HttpRequest, HttpResponse<?>> {

  @Override
  public String method(HttpRequest request) {
    return request.method();
  }

  @Override
  public String urlFull(HttpRequest request) {
    URI uri = request.uri();
    return uri == null ? null : uri.toString();
  }

  @Override
  public String serverAddress(HttpRequest request) {
    URI uri = request.uri();
    String host = uri == null ? null : uri.getHost();
    if (host != null && host.length() > 2 && host.charAt(0) == '[') {
      return host.substring(1, host.length() - 1); // IPv6 literal: no brackets in server.address
    }
    return host;
  }

  @Override
  public int serverPort(HttpRequest request) {
    URI uri = request.uri();
    if (uri == null) {
      return 0;
    }
    if (uri.getPort() > 0) {
      return uri.getPort();
    }
    String scheme = uri.getScheme();
    if ("https".equalsIgnoreCase(scheme)) {
      return 443;
    }
    return "http".equalsIgnoreCase(scheme) ? 80 : 0;
  }

  @Override
  public List<String> requestHeader(HttpRequest request, String name) {
    return request.headers().allValues(name);
  }

  @Override
  public int statusCode(HttpRequest request, HttpResponse<?> response, Throwable error) {
    return response == null ? 0 : response.statusCode();
  }

  @Override
  public List<String> responseHeader(HttpRequest request, HttpResponse<?> response, String name) {
    return response == null ? Collections.emptyList() : response.headers().allValues(name);
  }

  @Override
  public String networkProtocolVersion(HttpRequest request, HttpResponse<?> response) {
    if (response == null || response.version() == null) {
      return null;
    }
    return response.version() == HttpClient.Version.HTTP_2 ? "2" : "1.1";
  }
}
