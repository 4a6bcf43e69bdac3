package dev.weft.instrumentation.httpurlconnection;

import dev.weft.core.api.semconv.http.HttpClientAttributesGetter;
import java.net.HttpURLConnection;
import java.net.URL;
import java.util.Collections;
import java.util.List;

/**
 * HTTP facts of one connection; the response is the status code the connection read. Pure: never
 * triggers a request. Answers nothing once the connection is gone (it is alive whenever the woven
 * code calls).
 */
final class HttpUrlConnectionGetter
    implements HttpClientAttributesGetter<ConnectionRequest, Integer> {

  @Override
  public String method(ConnectionRequest request) {
    HttpURLConnection connection = request.get();
    if (connection == null) {
      return null;
    }
    String method = connection.getRequestMethod();
    // The JDK sends a GET with output as a POST (it switches when the body stream is opened,
    // which may be after the span started).
    return "GET".equals(method) && connection.getDoOutput() ? "POST" : method;
  }

  @Override
  public String urlFull(ConnectionRequest request) {
    URL url = url(request);
    return url == null ? null : url.toString();
  }

  @Override
  public String serverAddress(ConnectionRequest request) {
    URL url = url(request);
    String host = url == null ? null : url.getHost();
    if (host != null && host.length() > 2 && host.charAt(0) == '[') {
      return host.substring(1, host.length() - 1); // IPv6 literal: no brackets in server.address
    }
    return host;
  }

  @Override
  public int serverPort(ConnectionRequest request) {
    URL url = url(request);
    if (url == null) {
      return 0;
    }
    return url.getPort() > 0 ? url.getPort() : Math.max(0, url.getDefaultPort());
  }

  @Override
  public List<String> requestHeader(ConnectionRequest request, String name) {
    HttpURLConnection connection = request.get();
    if (connection == null) {
      return Collections.emptyList();
    }
    try {
      return listOf(connection.getRequestProperty(name));
    } catch (IllegalStateException e) {
      return Collections.emptyList(); // connected: request properties are no longer readable
    }
  }

  @Override
  public int statusCode(ConnectionRequest request, Integer responseCode, Throwable error) {
    return responseCode == null ? 0 : Math.max(0, responseCode);
  }

  @Override
  public List<String> responseHeader(ConnectionRequest request, Integer responseCode, String name) {
    // Called only when capture is configured, after the response was read: no new request.
    HttpURLConnection connection = request.get();
    return responseCode == null || connection == null
        ? Collections.emptyList()
        : listOf(connection.getHeaderField(name));
  }

  @Override
  public String networkProtocolVersion(ConnectionRequest request, Integer responseCode) {
    // The JDK's implementation speaks HTTP/1.1 only.
    return responseCode == null ? null : "1.1";
  }

  private static URL url(ConnectionRequest request) {
    HttpURLConnection connection = request.get();
    return connection == null ? null : connection.getURL();
  }

  private static List<String> listOf(String value) {
    return value == null ? Collections.emptyList() : Collections.singletonList(value);
  }
}
