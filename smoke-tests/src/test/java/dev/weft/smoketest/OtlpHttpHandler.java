package dev.weft.smoketest;

import com.google.protobuf.CodedOutputStream;
import com.google.protobuf.InvalidProtocolBufferException;
import com.google.protobuf.Message;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.zip.GZIPInputStream;

/** OTLP/HTTP protobuf endpoint of {@link OtlpReceiver}: /v1/traces, /v1/metrics, /v1/logs. */
final class OtlpHttpHandler implements HttpHandler {
  private static final String PROTOBUF = "application/x-protobuf";

  private final ReceivedTelemetry received;
  private final ResponsePlan plan;

  OtlpHttpHandler(ReceivedTelemetry received, ResponsePlan plan) {
    this.received = received;
    this.plan = plan;
  }

  @Override
  public void handle(HttpExchange exchange) throws IOException {
    try {
      received.recordArrival(lowerCaseHeaders(exchange));
      answer(exchange);
    } catch (RuntimeException e) {
      sendError(exchange, 500, "receiver failed: " + e);
    } finally {
      exchange.close();
    }
  }

  private void answer(HttpExchange exchange) throws IOException {
    String path = exchange.getRequestURI().getPath();
    OtlpSignal signal = OtlpSignal.forHttpPath(path);
    if (signal == null) {
      sendError(exchange, 404, "no OTLP signal at " + path);
      return;
    }
    if (!"POST".equals(exchange.getRequestMethod())) {
      exchange.getResponseHeaders().set("Allow", "POST");
      sendError(exchange, 405, exchange.getRequestMethod() + " is not allowed, only POST");
      return;
    }
    String contentType = exchange.getRequestHeaders().getFirst("Content-Type");
    if (contentType == null || !contentType.toLowerCase(Locale.ROOT).startsWith(PROTOBUF)) {
      sendError(exchange, 415, "only " + PROTOBUF + " is supported, got " + contentType);
      return;
    }
    String encoding = exchange.getRequestHeaders().getFirst("Content-Encoding");
    boolean gzip = encoding != null && encoding.trim().equalsIgnoreCase("gzip");
    if (encoding != null && !gzip && !encoding.trim().equalsIgnoreCase("identity")) {
      sendError(exchange, 415, "unsupported Content-Encoding " + encoding);
      return;
    }
    byte[] body;
    try {
      body = readBody(exchange.getRequestBody(), gzip);
    } catch (IOException e) {
      sendError(exchange, 400, "cannot read body: " + e);
      return;
    }
    ResponsePlan.HttpFailure failure = plan.nextHttpFailure();
    if (failure != null) {
      if (failure.retryAfter() != null) {
        exchange.getResponseHeaders().set("Retry-After", failure.retryAfter());
      }
      sendError(exchange, failure.status(), "failure programmed by OtlpReceiver");
      return;
    }
    Message request;
    try {
      request = signal.parseRequest(body);
    } catch (InvalidProtocolBufferException e) {
      sendError(exchange, 400, "not a valid " + signal + " export request: " + e.getMessage());
      return;
    }
    received.store(signal, request);
    send(exchange, 200, signal.response(plan.nextPartialSuccess()).toByteArray());
  }

  private static byte[] readBody(InputStream body, boolean gzip) throws IOException {
    try (InputStream in = gzip ? new GZIPInputStream(body) : body) {
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      in.transferTo(out);
      return out.toByteArray();
    }
  }

  private static void sendError(HttpExchange exchange, int httpStatus, String message)
      throws IOException {
    // OTLP/HTTP error bodies are a google.rpc.Status: two fields, written by hand rather than
    // pulling in proto-google-common-protos.
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    CodedOutputStream out = CodedOutputStream.newInstance(bytes);
    out.writeInt32(1, rpcCode(httpStatus)); // google.rpc.Status.code
    out.writeString(2, message); // google.rpc.Status.message
    out.flush();
    send(exchange, httpStatus, bytes.toByteArray());
  }

  private static void send(HttpExchange exchange, int httpStatus, byte[] body) throws IOException {
    exchange.getResponseHeaders().set("Content-Type", PROTOBUF);
    // -1: no body at all; 0 would mean chunked.
    exchange.sendResponseHeaders(httpStatus, body.length == 0 ? -1 : body.length);
    if (body.length > 0) {
      try (OutputStream out = exchange.getResponseBody()) {
        out.write(body);
      }
    }
  }

  private static int rpcCode(int httpStatus) {
    switch (httpStatus) {
      case 400:
        return 3; // INVALID_ARGUMENT
      case 404:
        return 5; // NOT_FOUND
      case 405:
      case 415:
        return 12; // UNIMPLEMENTED
      case 429:
        return 8; // RESOURCE_EXHAUSTED
      case 502:
      case 503:
      case 504:
        return 14; // UNAVAILABLE
      default:
        return 2; // UNKNOWN
    }
  }

  private static Map<String, List<String>> lowerCaseHeaders(HttpExchange exchange) {
    Map<String, List<String>> headers = new TreeMap<>();
    exchange
        .getRequestHeaders()
        .forEach((name, values) -> headers.put(name.toLowerCase(Locale.ROOT), List.copyOf(values)));
    return Collections.unmodifiableMap(headers);
  }
}
