package dev.weft.core.api.semconv.http;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** Plain request and response objects, and getters over them, for the semconv tests. */
final class FakeHttp {

  private FakeHttp() {}

  /** A request as any library might describe it; headers are matched case-insensitively. */
  static final class Request {
    String method = "GET";
    String scheme = "http";
    String path = "/";
    String query;
    String route;
    String url;
    String host;
    int port;
    String peerAddress;
    int peerPort;
    final Map<String, List<String>> headers = new LinkedHashMap<>();

    Request header(String name, String... values) {
      headers
          .computeIfAbsent(name.toLowerCase(Locale.ROOT), k -> new ArrayList<>())
          .addAll(Arrays.asList(values));
      return this;
    }
  }

  static final class Response {
    int status;
    String version;
    final Map<String, List<String>> headers = new LinkedHashMap<>();

    Response(int status) {
      this.status = status;
    }

    Response header(String name, String... values) {
      headers.put(name.toLowerCase(Locale.ROOT), Arrays.asList(values));
      return this;
    }
  }

  static final class ServerGetter implements HttpServerAttributesGetter<Request, Response> {
    @Override
    public String method(Request request) {
      return request.method;
    }

    @Override
    public String urlScheme(Request request) {
      return request.scheme;
    }

    @Override
    public String urlPath(Request request) {
      return request.path;
    }

    @Override
    public String urlQuery(Request request) {
      return request.query;
    }

    @Override
    public String route(Request request) {
      return request.route;
    }

    @Override
    public List<String> requestHeader(Request request, String name) {
      return request.headers.getOrDefault(name, Collections.emptyList());
    }

    @Override
    public List<String> responseHeader(Request request, Response response, String name) {
      return response == null
          ? Collections.emptyList()
          : response.headers.getOrDefault(name, Collections.emptyList());
    }

    @Override
    public int statusCode(Request request, Response response, Throwable error) {
      return response == null ? 0 : response.status;
    }

    @Override
    public String networkProtocolVersion(Request request, Response response) {
      return response == null ? null : response.version;
    }

    @Override
    public String networkPeerAddress(Request request) {
      return request.peerAddress;
    }

    @Override
    public int networkPeerPort(Request request) {
      return request.peerPort;
    }
  }

  static final class ClientGetter implements HttpClientAttributesGetter<Request, Response> {
    @Override
    public String method(Request request) {
      return request.method;
    }

    @Override
    public String urlFull(Request request) {
      return request.url;
    }

    @Override
    public String serverAddress(Request request) {
      return request.host;
    }

    @Override
    public int serverPort(Request request) {
      return request.port;
    }

    @Override
    public List<String> requestHeader(Request request, String name) {
      return request.headers.getOrDefault(name, Collections.emptyList());
    }

    @Override
    public int statusCode(Request request, Response response, Throwable error) {
      return response == null ? 0 : response.status;
    }

    @Override
    public List<String> responseHeader(Request request, Response response, String name) {
      return response == null
          ? Collections.emptyList()
          : response.headers.getOrDefault(name, Collections.emptyList());
    }

    @Override
    public String networkProtocolVersion(Request request, Response response) {
      return response == null ? null : response.version;
    }

    @Override
    public String networkPeerAddress(Request request, Response response) {
      return response == null ? null : request.peerAddress;
    }

    @Override
    public int networkPeerPort(Request request, Response response) {
      return response == null ? 0 : request.peerPort;
    }
  }
}
