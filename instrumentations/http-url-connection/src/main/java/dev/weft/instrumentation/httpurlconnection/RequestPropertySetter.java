package dev.weft.instrumentation.httpurlconnection;

import dev.weft.core.api.propagation.TextMapSetter;
import java.net.HttpURLConnection;

/** Injects trace headers as request properties, which the connection sends with the request. */
final class RequestPropertySetter implements TextMapSetter<ConnectionRequest> {

  @Override
  public void set(ConnectionRequest request, String name, String value) {
    HttpURLConnection connection = request.get();
    if (connection == null) {
      return;
    }
    try {
      connection.setRequestProperty(name, value);
    } catch (IllegalStateException e) {
      // Already connected (an earlier call we did not trace): too late to add headers.
    }
  }
}
