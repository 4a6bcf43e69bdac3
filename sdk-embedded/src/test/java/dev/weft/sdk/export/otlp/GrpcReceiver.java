package dev.weft.sdk.export.otlp;

import static org.assertj.core.api.Assertions.fail;

import io.grpc.Grpc;
import io.grpc.Metadata;
import io.grpc.Server;
import io.grpc.ServerCall;
import io.grpc.ServerCallHandler;
import io.grpc.ServerCredentials;
import io.grpc.ServerInterceptor;
import io.grpc.ServerInterceptors;
import io.grpc.TlsServerCredentials;
import io.grpc.netty.shaded.io.grpc.netty.NettyServerBuilder;
import io.grpc.protobuf.StatusProto;
import io.grpc.stub.StreamObserver;
import io.opentelemetry.proto.collector.trace.v1.ExportTraceServiceRequest;
import io.opentelemetry.proto.collector.trace.v1.ExportTraceServiceResponse;
import io.opentelemetry.proto.collector.trace.v1.TraceServiceGrpc;
import java.io.File;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.security.cert.X509Certificate;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.SSLPeerUnverifiedException;
import javax.net.ssl.SSLSession;

/**
 * A real OTLP/gRPC receiver (grpc-netty-shaded with the official TraceService stub) on 127.0.0.1:
 * records every request with its metadata, answers with scripted replies, OK once they run out.
 */
final class GrpcReceiver implements AutoCloseable {

  /** One call as the server saw it. */
  static final class Received {
    final ExportTraceServiceRequest request;
    final Metadata headers;
    final String clientCertificate;

    Received(ExportTraceServiceRequest request, Metadata headers, String clientCertificate) {
      this.request = request;
      this.headers = headers;
      this.clientCertificate = clientCertificate;
    }

    String header(String name) {
      return headers.get(Metadata.Key.of(name, Metadata.ASCII_STRING_MARSHALLER));
    }

    byte[] binaryHeader(String name) {
      return headers.get(Metadata.Key.of(name, Metadata.BINARY_BYTE_MARSHALLER));
    }
  }

  /** What to answer: a response, an error (a google.rpc.Status with details), or nothing. */
  static final class Reply {
    final ExportTraceServiceResponse response;
    final com.google.rpc.Status error;

    private Reply(ExportTraceServiceResponse response, com.google.rpc.Status error) {
      this.response = response;
      this.error = error;
    }

    static Reply ok(ExportTraceServiceResponse response) {
      return new Reply(response, null);
    }

    static Reply error(com.google.rpc.Status status) {
      return new Reply(null, status);
    }

    static Reply hang() {
      return new Reply(null, null);
    }
  }

  private static final ThreadLocalMetadata CURRENT = new ThreadLocalMetadata();

  private final Server server;
  private final BlockingQueue<Received> received = new LinkedBlockingQueue<>();
  private final ConcurrentLinkedQueue<Reply> script = new ConcurrentLinkedQueue<>();
  private final boolean tls;

  private GrpcReceiver(ServerCredentials credentials, boolean withTraceService) throws IOException {
    this.tls = credentials != null;
    InetSocketAddress address = new InetSocketAddress(InetAddress.getLoopbackAddress(), 0);
    NettyServerBuilder builder =
        credentials == null
            ? NettyServerBuilder.forAddress(address)
            : NettyServerBuilder.forAddress(address, credentials);
    if (withTraceService) {
      builder.addService(ServerInterceptors.intercept(new Service(), new RecordHeaders()));
    }
    server = builder.build().start();
  }

  static GrpcReceiver start() throws IOException {
    return new GrpcReceiver(null, true);
  }

  /** A server that knows no service at all: every call ends UNIMPLEMENTED. */
  static GrpcReceiver startWithoutTraceService() throws IOException {
    return new GrpcReceiver(null, false);
  }

  /** TLS with the fixtures' server certificate, requiring a client certificate from ca.pem. */
  static GrpcReceiver startMutualTls() throws IOException {
    ServerCredentials credentials =
        TlsServerCredentials.newBuilder()
            .keyManager(
                new File(TestConfigs.resource("server.pem")),
                new File(TestConfigs.resource("server.key")))
            .trustManager(new File(TestConfigs.resource("ca.pem")))
            .clientAuth(TlsServerCredentials.ClientAuth.REQUIRE)
            .build();
    return new GrpcReceiver(credentials, true);
  }

  GrpcReceiver reply(Reply... replies) {
    for (Reply reply : replies) {
      script.add(reply);
    }
    return this;
  }

  String endpoint() {
    return (tls ? "https" : "http") + "://127.0.0.1:" + server.getPort();
  }

  Received take() throws InterruptedException {
    Received next = received.poll(10, TimeUnit.SECONDS);
    if (next == null) {
      fail("no call arrived within 10 s");
    }
    return next;
  }

  int pending() {
    return received.size();
  }

  @Override
  public void close() {
    server.shutdownNow();
  }

  private final class Service extends TraceServiceGrpc.TraceServiceImplBase {
    @Override
    public void export(
        ExportTraceServiceRequest request,
        StreamObserver<ExportTraceServiceResponse> responseObserver) {
      Received call = CURRENT.get();
      received.add(new Received(request, call.headers, call.clientCertificate));
      Reply reply = script.poll();
      if (reply == null) {
        reply = Reply.ok(ExportTraceServiceResponse.getDefaultInstance());
      }
      if (reply.error != null) {
        responseObserver.onError(StatusProto.toStatusRuntimeException(reply.error));
      } else if (reply.response != null) {
        responseObserver.onNext(reply.response);
        responseObserver.onCompleted();
      } // else hang: the client's deadline ends the call
    }
  }

  /** Hands each call's metadata and peer certificate to the service method on the same thread. */
  private static final class RecordHeaders implements ServerInterceptor {
    @Override
    public <Q, R> ServerCall.Listener<Q> interceptCall(
        ServerCall<Q, R> call, Metadata headers, ServerCallHandler<Q, R> next) {
      String peer = peerCertificate(call.getAttributes().get(Grpc.TRANSPORT_ATTR_SSL_SESSION));
      ServerCall.Listener<Q> delegate = next.startCall(call, headers);
      return new io.grpc.ForwardingServerCallListener.SimpleForwardingServerCallListener<Q>(
          delegate) {
        @Override
        public void onHalfClose() {
          CURRENT.set(new Received(null, headers, peer));
          try {
            super.onHalfClose(); // unary calls run the service method here
          } finally {
            CURRENT.remove();
          }
        }
      };
    }

    private static String peerCertificate(SSLSession session) {
      if (session == null) {
        return null;
      }
      try {
        return ((X509Certificate) session.getPeerCertificates()[0])
            .getSubjectX500Principal()
            .getName();
      } catch (SSLPeerUnverifiedException e) {
        return null;
      }
    }
  }

  private static final class ThreadLocalMetadata extends ThreadLocal<Received> {}
}
