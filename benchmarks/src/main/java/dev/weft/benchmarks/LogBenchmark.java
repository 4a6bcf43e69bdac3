package dev.weft.benchmarks;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.encoder.PatternLayoutEncoder;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.OutputStreamAppender;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;
import org.slf4j.LoggerFactory;

/**
 * One Logback call ({@code logger.info("order {} placed", n)}, pattern layout with {@code
 * %X{trace_id}}, written to a discarding stream), as the application pays for it. Run three times
 * with the same JMH command, differing only in {@code -jvmArgsAppend}: no agent, {@code
 * -javaagent:weft-agent.jar}, {@code -javaagent:opentelemetry-javaagent.jar}. With an agent the
 * logback appender bridge and MDC injection are active and records go over OTLP/HTTP to a receiver
 * in this JVM that answers 200 (traces and metrics off, so only the log pipeline works).
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(
    value = 1,
    jvmArgsAppend = {
      "-Dotel.traces.exporter=none",
      "-Dotel.metrics.exporter=none",
      "-Dotel.logs.exporter=otlp",
      "-Dotel.exporter.otlp.protocol=http/protobuf",
      "-Dotel.exporter.otlp.endpoint=http://127.0.0.1:" + LogBenchmark.RECEIVER_PORT,
      "-Dotel.instrumentation.java-http-server.enabled=false"
    })
@State(Scope.Benchmark)
public class LogBenchmark {

  static final int RECEIVER_PORT = 43187;

  private HttpServer receiver;
  private Logger logger;
  private long n;

  @Setup(Level.Trial)
  public void setUp() throws IOException {
    receiver =
        HttpServer.create(
            new InetSocketAddress(InetAddress.getLoopbackAddress(), RECEIVER_PORT), 0);
    receiver.createContext(
        "/",
        exchange -> {
          exchange.getRequestBody().readAllBytes();
          exchange.getResponseHeaders().set("Content-Type", "application/x-protobuf");
          exchange.sendResponseHeaders(200, -1);
          exchange.close();
        });
    receiver.start();
    LoggerContext context = (LoggerContext) LoggerFactory.getILoggerFactory();
    context.reset();
    PatternLayoutEncoder encoder = new PatternLayoutEncoder();
    encoder.setContext(context);
    encoder.setPattern("%d %level %logger trace_id=%X{trace_id} span_id=%X{span_id} - %msg%n");
    encoder.start();
    OutputStreamAppender<ILoggingEvent> appender = new OutputStreamAppender<>();
    appender.setContext(context);
    appender.setEncoder(encoder);
    appender.setOutputStream(OutputStream.nullOutputStream());
    appender.start();
    logger = context.getLogger("dev.weft.benchmarks.Orders");
    logger.setAdditive(false);
    logger.addAppender(appender);
  }

  @TearDown(Level.Trial)
  public void tearDown() {
    receiver.stop(0);
  }

  @Benchmark
  public void logOneLine() {
    logger.info("order {} placed", n++);
  }
}
