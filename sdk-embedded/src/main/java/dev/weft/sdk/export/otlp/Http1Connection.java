package dev.weft.sdk.export.otlp;

import java.io.BufferedOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.SSLSocketFactory;

/**
 * One HTTP/1.1 connection to the collector, used by one request at a time and kept alive between
 * requests: just enough of HTTP for OTLP (a POST with a known length, any response framing). Every
 * blocking step is bounded by the request's deadline: connect and reads by timeouts, writes by
 * {@link SocketDeadlines}, which closes the socket when the deadline passes.
 */
final class Http1Connection implements AutoCloseable {

  /** A response: status, the few headers OTLP needs, and a body capped at {@code maxBody}. */
  static final class Response {
    final int status;
    final String contentType;
    final String retryAfter;
    final byte[] body;
    final boolean keepAlive;

    Response(int status, String contentType, String retryAfter, byte[] body, boolean keepAlive) {
      this.status = status;
      this.contentType = contentType;
      this.retryAfter = retryAfter;
      this.body = body;
      this.keepAlive = keepAlive;
    }
  }

  private static final int MAX_HEADER_LINE = 16 * 1024;
  private static final int MAX_HEADER_LINES = 200;
  private static final byte[] CRLF = {'\r', '\n'};

  private final Socket raw; // the TCP socket: what the deadlines and close() act on
  private final Socket socket; // raw, or the TLS socket layered on it
  private final InputStream in;
  private final OutputStream out;
  private final byte[] buffer = new byte[8192];
  private int position;
  private int limit;
  private boolean answered; // any byte of a response read in the current exchange

  private Http1Connection(Socket raw, Socket socket) throws IOException {
    this.raw = raw;
    this.socket = socket;
    this.in = socket.getInputStream();
    this.out = new BufferedOutputStream(socket.getOutputStream(), 8192);
  }

  /**
   * Connects (and shakes hands, when {@code tls} is given) before {@code deadlineNanos}. The
   * server's name is checked against its certificate as HTTPS requires.
   */
  static Http1Connection open(
      String host, int port, SSLSocketFactory tls, long deadlineNanos, SocketDeadlines deadlines)
      throws IOException {
    Socket raw = new Socket();
    try {
      raw.setTcpNoDelay(true);
      raw.connect(new InetSocketAddress(host, port), remainingMillis(deadlineNanos));
      if (tls == null) {
        return new Http1Connection(raw, raw);
      }
      SSLSocket secure = (SSLSocket) tls.createSocket(raw, host, port, true);
      SSLParameters parameters = secure.getSSLParameters();
      parameters.setEndpointIdentificationAlgorithm("HTTPS");
      secure.setSSLParameters(parameters);
      secure.setSoTimeout(remainingMillis(deadlineNanos));
      deadlines.arm(raw, deadlineNanos); // the handshake writes as well as reads
      try {
        secure.startHandshake();
      } finally {
        deadlines.disarm(raw);
      }
      return new Http1Connection(raw, secure);
    } catch (IOException | RuntimeException e) {
      closeQuietly(raw);
      throw e;
    }
  }

  /**
   * Writes {@code head} (request line and headers up to, not including, the {@code Content-Length}
   * value), the length, and the body; reads the response. Any exception leaves the connection
   * unusable.
   */
  Response exchange(
      byte[] head, byte[] body, int maxBody, long deadlineNanos, SocketDeadlines deadlines)
      throws IOException {
    answered = false;
    deadlines.arm(raw, deadlineNanos);
    try {
      out.write(head);
      out.write(Integer.toString(body.length).getBytes(StandardCharsets.US_ASCII));
      out.write(CRLF);
      out.write(CRLF);
      out.write(body);
      out.flush();
      return readResponse(maxBody, deadlineNanos);
    } finally {
      deadlines.disarm(raw);
    }
  }

  /**
   * Whether the last exchange read any of a response: if it failed without, on a kept-alive
   * connection, the collector most likely closed that connection while it was idle.
   */
  boolean answered() {
    return answered;
  }

  private Response readResponse(int maxBody, long deadlineNanos) throws IOException {
    while (true) {
      String statusLine = readLine(deadlineNanos);
      // "HTTP/1.1 200 OK": version, code, optional reason.
      if (!statusLine.startsWith("HTTP/1.") || statusLine.length() < 12) {
        throw new IOException("not an HTTP/1.x response: " + ExportStats.truncate(statusLine));
      }
      int status = parseStatus(statusLine);
      boolean http10 = statusLine.charAt(7) == '0';
      String contentType = "";
      String retryAfter = null;
      long contentLength = -1;
      boolean chunked = false;
      Boolean keepAlive = null;
      for (int lines = 0; ; lines++) {
        String line = readLine(deadlineNanos);
        if (line.isEmpty()) {
          break;
        }
        if (lines >= MAX_HEADER_LINES) {
          throw new IOException("more than " + MAX_HEADER_LINES + " response header lines");
        }
        int colon = line.indexOf(':');
        if (colon <= 0) {
          continue; // not a header; ignore rather than fail an otherwise good response
        }
        String name = line.substring(0, colon).trim();
        String value = line.substring(colon + 1).trim();
        if (name.equalsIgnoreCase("Content-Length")) {
          contentLength = parseLength(value);
        } else if (name.equalsIgnoreCase("Transfer-Encoding")) {
          chunked = value.toLowerCase().endsWith("chunked");
        } else if (name.equalsIgnoreCase("Connection")) {
          String v = value.toLowerCase();
          if (v.contains("close")) {
            keepAlive = Boolean.FALSE;
          } else if (v.contains("keep-alive") && keepAlive == null) {
            keepAlive = Boolean.TRUE;
          }
        } else if (name.equalsIgnoreCase("Content-Type")) {
          contentType = value;
        } else if (name.equalsIgnoreCase("Retry-After")) {
          retryAfter = value;
        }
      }
      if (status >= 100 && status < 200) {
        continue; // 100 Continue, 103 Early Hints: the real response follows
      }
      boolean reusable = keepAlive != null ? keepAlive : !http10;
      byte[] body;
      if (status == 204 || status == 304) {
        body = new byte[0];
      } else if (chunked) {
        body = readChunked(maxBody, deadlineNanos);
        reusable &= body.length < maxBody;
      } else if (contentLength >= 0) {
        body = readFixed(contentLength, maxBody, deadlineNanos);
        reusable &= contentLength <= maxBody;
      } else {
        body = readToEnd(maxBody, deadlineNanos);
        reusable = false;
      }
      return new Response(status, contentType, retryAfter, body, reusable);
    }
  }

  private static int parseStatus(String statusLine) throws IOException {
    int code = 0;
    for (int i = 9; i < 12; i++) {
      char c = statusLine.charAt(i);
      if (c < '0' || c > '9') {
        throw new IOException("bad HTTP status line: " + ExportStats.truncate(statusLine));
      }
      code = code * 10 + (c - '0');
    }
    return code;
  }

  private static long parseLength(String value) throws IOException {
    try {
      long length = Long.parseLong(value);
      if (length >= 0) {
        return length;
      }
    } catch (NumberFormatException e) {
      // reported below
    }
    throw new IOException("bad Content-Length: " + ExportStats.truncate(value));
  }

  private byte[] readFixed(long length, int maxBody, long deadlineNanos) throws IOException {
    byte[] body = new byte[(int) Math.min(length, maxBody)];
    readFully(body, 0, body.length, deadlineNanos);
    return body;
  }

  private byte[] readChunked(int maxBody, long deadlineNanos) throws IOException {
    byte[] body = new byte[0];
    while (true) {
      String sizeLine = readLine(deadlineNanos);
      int extension = sizeLine.indexOf(';');
      String hex = (extension >= 0 ? sizeLine.substring(0, extension) : sizeLine).trim();
      long size;
      try {
        size = Long.parseLong(hex, 16);
      } catch (NumberFormatException e) {
        throw new IOException("bad chunk size: " + ExportStats.truncate(sizeLine));
      }
      if (size < 0) {
        throw new IOException("bad chunk size: " + ExportStats.truncate(sizeLine));
      }
      if (size == 0) {
        while (!readLine(deadlineNanos).isEmpty()) {
          // trailers: none of interest
        }
        return body;
      }
      int take = (int) Math.min(size, maxBody - body.length);
      int start = body.length;
      body = Arrays.copyOf(body, start + take);
      readFully(body, start, take, deadlineNanos);
      if (body.length >= maxBody) {
        return body; // enough for any message worth logging; the connection is not reused
      }
      readLine(deadlineNanos); // the CRLF after the chunk
    }
  }

  private byte[] readToEnd(int maxBody, long deadlineNanos) throws IOException {
    byte[] body = new byte[Math.min(maxBody, 8192)];
    int length = 0;
    while (length < maxBody) {
      if (position == limit && !fill(deadlineNanos)) {
        break;
      }
      if (length == body.length) {
        body = Arrays.copyOf(body, Math.min(maxBody, body.length * 2));
      }
      int take = Math.min(limit - position, body.length - length);
      System.arraycopy(buffer, position, body, length, take);
      position += take;
      length += take;
    }
    return Arrays.copyOf(body, length);
  }

  private void readFully(byte[] into, int offset, int length, long deadlineNanos)
      throws IOException {
    while (length > 0) {
      if (position == limit && !fill(deadlineNanos)) {
        throw new EOFException("connection closed in the middle of the response body");
      }
      int take = Math.min(limit - position, length);
      System.arraycopy(buffer, position, into, offset, take);
      position += take;
      offset += take;
      length -= take;
    }
  }

  /** A line without its CRLF (a bare LF is accepted too), as ISO-8859-1. */
  private String readLine(long deadlineNanos) throws IOException {
    StringBuilder line = null;
    while (true) {
      if (position == limit && !fill(deadlineNanos)) {
        throw new EOFException(
            answered
                ? "connection closed in the middle of the response headers"
                : "connection closed without a response");
      }
      int start = position;
      while (position < limit && buffer[position] != '\n') {
        position++;
      }
      int end = position;
      boolean complete = position < limit;
      if (complete) {
        position++; // the LF
      }
      if (line == null) {
        line = new StringBuilder(Math.max(16, end - start));
      }
      line.append(new String(buffer, start, end - start, StandardCharsets.ISO_8859_1));
      if (line.length() > MAX_HEADER_LINE) {
        throw new IOException("response header line longer than " + MAX_HEADER_LINE + " bytes");
      }
      if (complete) {
        int length = line.length();
        if (length > 0 && line.charAt(length - 1) == '\r') {
          line.setLength(length - 1);
        }
        return line.toString();
      }
    }
  }

  /** Reads more into the buffer; false at the end of the stream. */
  private boolean fill(long deadlineNanos) throws IOException {
    socket.setSoTimeout(remainingMillis(deadlineNanos));
    int read;
    try {
      read = in.read(buffer, 0, buffer.length);
    } catch (SocketTimeoutException e) {
      throw new SocketTimeoutException("no response before the deadline");
    }
    if (read <= 0) {
      return false;
    }
    answered = true;
    position = 0;
    limit = read;
    return true;
  }

  /** Milliseconds to the deadline, at least 1 (0 would mean "no limit" to a socket). */
  static int remainingMillis(long deadlineNanos) throws SocketTimeoutException {
    long remaining = deadlineNanos - System.nanoTime();
    if (remaining <= 0) {
      throw new SocketTimeoutException("deadline passed");
    }
    return (int) Math.max(1, Math.min(Integer.MAX_VALUE, TimeUnit.NANOSECONDS.toMillis(remaining)));
  }

  /**
   * Closes the TCP socket directly: closing a TLS socket first writes a close_notify, which could
   * block on a peer that stopped reading.
   */
  @Override
  public void close() {
    closeQuietly(raw);
  }

  private static void closeQuietly(Socket socket) {
    try {
      socket.close();
    } catch (IOException e) {
      // nothing to do
    }
  }
}
