package dev.weft.smoketest;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.protobuf.ByteString;
import dev.weft.smoketest.apps.LateJulApp;
import dev.weft.smoketest.apps.LoggingApp;
import io.opentelemetry.proto.common.v1.KeyValue;
import io.opentelemetry.proto.logs.v1.LogRecord;
import io.opentelemetry.proto.logs.v1.ScopeLogs;
import io.opentelemetry.proto.logs.v1.SeverityNumber;
import io.opentelemetry.proto.trace.v1.Span;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Real Logback (1.2 and 1.5), Log4j 2 and java.util.logging applications with the agent: trace
 * context in the application's own formatted lines exactly while a server span is current, and log
 * records exported over OTLP with the ids of the exported spans, the severities and the exceptions.
 */
class LogsSmokeTest {

  private static final String RUNTIMES = "dev.weft.smoketest.JavaRuntimes#all";
  private static final Duration WAIT = Duration.ofSeconds(30);
  private static final String APP_LOGGER = LoggingApp.class.getName();
  // "line INFO <logger> trace_id=<hex> span_id=<hex> trace_flags=01 - handling n=0"
  private static final Pattern LINE =
      Pattern.compile(
          "^line (\\S+) (\\S+) trace_id=(\\S*) span_id=(\\S*) trace_flags=(\\S*) - (.*)$",
          Pattern.MULTILINE);

  @RegisterExtension static final OtlpReceiver otlp = OtlpReceiver.onFreePorts();

  static Stream<Arguments> libraries() {
    List<Arguments> all = new ArrayList<>();
    JavaRuntimes.all()
        .forEach(
            java -> {
              all.add(Arguments.of(java, "logback", "logback-1.5"));
              all.add(Arguments.of(java, "logback", "logback-1.2"));
              all.add(Arguments.of(java, "log4j", "log4j-2"));
              all.add(Arguments.of(java, "jul", "jdk"));
            });
    return all.stream();
  }

  @ParameterizedTest(name = "{0} {2}")
  @MethodSource("libraries")
  void logLinesAndRecordsCarryTheServerSpanExactlyInsideRequests(
      JavaRuntime java, String library, String libs) {
    ProcessResult result = AppProcess.run(app(java, library, libs, "requests"));

    assertThat(result.exitCode()).as(result.toString()).isZero();
    List<Span> servers = otlp.awaitSpans(3, WAIT);
    assertThat(servers).extracting(Span::getName).containsOnly("GET /work");
    Map<String, Span> byQuery = new HashMap<>();
    for (Span span : servers) {
      String query =
          span.getAttributesList().stream()
              .filter(a -> a.getKey().equals("url.query"))
              .findFirst()
              .orElseThrow()
              .getValue()
              .getStringValue();
      byQuery.put(query, span);
    }
    if (!library.equals("jul")) { // JUL has no MDC: nothing to inject into its lines
      assertFormattedLines(result.stdout(), byQuery);
    }
    List<Scoped> records = awaitAppRecords(12);
    assertThat(records).hasSize(12);
    for (Scoped record : records) {
      String body = record.record.getBody().getStringValue();
      String query = body.replaceFirst("^(handling|slow path for|failed) ", "");
      Span span = byQuery.get(query);
      if (span == null) {
        assertThat(record.record.getTraceId()).as(body).isEmpty();
        assertThat(record.record.getSpanId()).as(body).isEmpty();
        continue;
      }
      assertThat(record.record.getTraceId()).as(body).isEqualTo(span.getTraceId());
      assertThat(record.record.getSpanId()).as(body).isEqualTo(span.getSpanId());
      assertThat(record.record.getFlags()).as(body).isEqualTo(1);
    }
    assertSeveritiesAndException(records, library);
    assertThat(records.get(0).record.getTimeUnixNano()).isPositive();
    assertThat(records.get(0).record.getObservedTimeUnixNano()).isPositive();
  }

  private static void assertFormattedLines(String stdout, Map<String, Span> byQuery) {
    Matcher m = LINE.matcher(stdout);
    int inside = 0;
    int outside = 0;
    while (m.find()) {
      String message = m.group(6);
      String query = message.replaceFirst("^(handling|slow path for|failed) ", "");
      Span span = byQuery.get(query);
      if (span == null) {
        outside++;
        assertThat(m.group(3) + m.group(4) + m.group(5)).as(m.group()).isEmpty();
      } else {
        inside++;
        assertThat(m.group(3)).as(m.group()).isEqualTo(hex(span.getTraceId()));
        assertThat(m.group(4)).as(m.group()).isEqualTo(hex(span.getSpanId()));
        assertThat(m.group(5)).as(m.group()).isEqualTo("01");
      }
    }
    assertThat(inside).as(stdout).isEqualTo(9);
    assertThat(outside).as(stdout).isEqualTo(3);
  }

  private static void assertSeveritiesAndException(List<Scoped> records, String library) {
    boolean jul = library.equals("jul");
    Scoped info = body(records, "handling n=0");
    Scoped warn = body(records, "slow path for n=0");
    Scoped error = body(records, "failed n=0");
    assertThat(info.scope).isEqualTo(APP_LOGGER);
    assertThat(info.record.getSeverityNumber()).isEqualTo(SeverityNumber.SEVERITY_NUMBER_INFO);
    assertThat(info.record.getSeverityText()).isEqualTo("INFO");
    assertThat(warn.record.getSeverityNumber()).isEqualTo(SeverityNumber.SEVERITY_NUMBER_WARN);
    assertThat(warn.record.getSeverityText()).isEqualTo(jul ? "WARNING" : "WARN");
    assertThat(error.record.getSeverityNumber()).isEqualTo(SeverityNumber.SEVERITY_NUMBER_ERROR);
    assertThat(error.record.getSeverityText()).isEqualTo(jul ? "SEVERE" : "ERROR");
    Map<String, String> attributes = attributes(error.record.getAttributesList());
    assertThat(attributes)
        .containsEntry("exception.type", "java.lang.IllegalStateException")
        .containsEntry("exception.message", "boom n=0");
    assertThat(attributes.get("exception.stacktrace"))
        .startsWith("java.lang.IllegalStateException: boom n=0")
        .contains("at dev.weft.smoketest.apps.LoggingApp.work(");
    assertThat(attributes(info.record.getAttributesList())).isEmpty(); // nothing opt-in by default
  }

  @Test
  void optInAttributesAreCapturedWithTheOfficialKeys() {
    ProcessResult result =
        AppProcess.run(
            app(JavaRuntimes.current(), "logback", "logback-1.5", "requests")
                .env("OTEL_INSTRUMENTATION_LOGBACK_APPENDER_EXPERIMENTAL_LOG_ATTRIBUTES", "true")
                .env(
                    "OTEL_INSTRUMENTATION_LOGBACK_APPENDER_EXPERIMENTAL_CAPTURE_CODE_ATTRIBUTES",
                    "true")
                .env(
                    "OTEL_INSTRUMENTATION_LOGBACK_APPENDER_EXPERIMENTAL_CAPTURE_MDC_ATTRIBUTES",
                    "trace_id"));

    assertThat(result.exitCode()).as(result.toString()).isZero();
    Scoped info = body(awaitAppRecords(12), "handling n=1");
    Map<String, String> attributes = attributes(info.record.getAttributesList());
    assertThat(attributes)
        .containsEntry("code.namespace", "dev.weft.smoketest.apps.LoggingApp$1")
        .containsEntry("code.function", "info")
        .containsEntry("code.filepath", "LoggingApp.java")
        .containsKeys("code.lineno", "thread.id")
        .containsEntry("trace_id", hex(info.record.getTraceId()));
    assertThat(attributes.get("thread.name")).startsWith("pool-");
  }

  @Test
  void eachModuleSwitchesOffByItsOfficialName() {
    ProcessResult result =
        AppProcess.run(
            app(JavaRuntimes.current(), "logback", "logback-1.5", "requests")
                .env("OTEL_INSTRUMENTATION_LOGBACK_APPENDER_ENABLED", "false")
                .env("OTEL_INSTRUMENTATION_LOGBACK_MDC_ENABLED", "false"));

    assertThat(result.exitCode()).as(result.toString()).isZero();
    otlp.awaitSpans(3, WAIT); // the app has exited: its final flush is over
    assertThat(otlp.logRecords()).isEmpty();
    assertThat(result.stdout()).contains("trace_id= span_id= trace_flags= - handling n=0");
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource(RUNTIMES)
  void grpcExportOfJulNeverFeedsTheExportersOwnLogsBack(JavaRuntime java) {
    // Everything JUL has is loggable, gRPC's own FINE/FINEST lines (under relocated dev.weft
    // names) included; thread names show that nothing came from an export thread.
    ProcessResult result =
        AppProcess.run(
            app(java, "jul", "jdk", "requests")
                .env(otlp.exporterEnv(OtlpReceiver.GRPC))
                .env("OTEL_INSTRUMENTATION_JAVA_UTIL_LOGGING_EXPERIMENTAL_LOG_ATTRIBUTES", "true")
                .sysProp("java.util.logging.config.file", julAllConfig().toString()));

    assertThat(result.exitCode()).as(result.toString()).isZero();
    assertThat(awaitAppRecords(12)).hasSize(12);
    List<Scoped> all = allRecords();
    assertThat(all).noneMatch(r -> r.scope.startsWith("dev.weft.shaded"));
    assertThat(all)
        .extracting(r -> attributes(r.record.getAttributesList()).get("thread.name"))
        .noneMatch(name -> name == null || name.startsWith("weft-") || name.contains("grpc"));
  }

  /**
   * The agent's exporter (protobuf) loads {@code java.util.logging.Logger} before the application
   * does; the agent weaves it moments later instead of during its own export, and the application's
   * first JUL record is still exported.
   */
  @ParameterizedTest(name = "{0}")
  @MethodSource(RUNTIMES)
  void julFirstLoadedByTheAgentItselfIsWovenAfterwardsAndBridged(JavaRuntime java) {
    ProcessResult result =
        AppProcess.run(
            AppProcess.builder(java)
                .mainClass(LateJulApp.class.getName())
                .withAgent()
                .env(otlp.exporterEnv())
                .env("OTEL_SERVICE_NAME", "late-jul-app")
                .env("OTEL_BLRP_SCHEDULE_DELAY", "100")
                .env("OTEL_METRIC_EXPORT_INTERVAL", "200")
                .sysProp("otel.javaagent.debug", "true")
                .args("3000"));

    assertThat(result.exitCode()).as(result.toString()).isZero();
    assertThat(result.stderr())
        .contains("Weaving java.util.logging.Logger now: Weft's own work loaded it first");
    long deadline = System.nanoTime() + WAIT.toNanos();
    List<Scoped> late;
    do {
      late =
          allRecords().stream()
              .filter(r -> r.scope.equals("late-jul"))
              .collect(Collectors.toList());
    } while (late.isEmpty() && System.nanoTime() < deadline && pause());
    assertThat(late).as(result.toString()).hasSize(1);
    assertThat(late.get(0).record.getBody().getStringValue()).isEqualTo("late record");
    assertThat(late.get(0).record.getSeverityText()).isEqualTo("WARNING");
  }

  private static boolean pause() {
    try {
      Thread.sleep(50);
      return true;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    }
  }

  @Test
  void aBurstNeitherBlocksNorGrowsMemoryWhileTheCollectorHangs() throws Exception {
    try (ServerSocket hanging = new ServerSocket(0, 50, InetAddress.getLoopbackAddress())) {
      Thread acceptor = new Thread(() -> acceptAndNeverAnswer(hanging), "hanging-collector");
      acceptor.setDaemon(true);
      acceptor.start();
      ProcessResult result =
          AppProcess.run(
              app(JavaRuntimes.current(), "logback", "logback-1.5", "burst", "100000")
                  .env(
                      "OTEL_EXPORTER_OTLP_LOGS_ENDPOINT",
                      "http://127.0.0.1:" + hanging.getLocalPort() + "/v1/logs")
                  .env("OTEL_EXPORTER_OTLP_TIMEOUT", "1000")
                  // An export gives up after 2 s, so the drop count is reported before the JVM
                  // exits (the report follows an export, and exit waits at most 5 s).
                  .env("OTEL_BLRP_EXPORT_TIMEOUT", "2000")
                  .jvmArg("-Xmx64m"));

      assertThat(result.exitCode()).as(result.toString()).isZero();
      Matcher m =
          Pattern.compile("burst lines=100000 millis=(\\d+) heapGrowthBytes=(-?\\d+)")
              .matcher(result.stdout());
      assertThat(m.find()).as(result.stdout()).isTrue();
      // 100,000 records of 1 KB would be 100 MB: more than the heap. The queue holds 2048.
      assertThat(Long.parseLong(m.group(2))).isLessThan(16L * 1024 * 1024);
      // The export thread waits on a collector that never answers; the logging thread never does.
      assertThat(Long.parseLong(m.group(1))).isLessThan(20_000);
      assertThat(result.stderr())
          .containsPattern(
              "dropped \\d+ log records: queue full \\(otel.blrp.max.queue.size=2048\\)");
    }
  }

  private static void acceptAndNeverAnswer(ServerSocket server) {
    List<Socket> held = new ArrayList<>();
    try {
      while (true) {
        Socket socket = server.accept();
        held.add(socket);
        InputStream in = socket.getInputStream();
        in.readNBytes(in.available()); // read nothing back, answer nothing
      }
    } catch (IOException closed) {
      held.forEach(
          s -> {
            try {
              s.close();
            } catch (IOException ignored) {
              // closing anyway
            }
          });
    }
  }

  private static AppProcess.Builder app(
      JavaRuntime java, String library, String libs, String... args) {
    String[] all = new String[args.length + 1];
    all[0] = library;
    System.arraycopy(args, 0, all, 1, args.length);
    AppProcess.Builder builder =
        AppProcess.builder(java)
            .mainClass(LoggingApp.class.getName())
            .withAgent()
            .env(otlp.exporterEnv())
            .env("OTEL_SERVICE_NAME", "logging-app")
            .env("OTEL_BSP_SCHEDULE_DELAY", "100")
            .env("OTEL_BLRP_SCHEDULE_DELAY", "100")
            .env("OTEL_METRICS_EXPORTER", "none")
            .sysProp("logback.configurationFile", resource("logging/logback.xml"))
            .sysProp("log4j2.configurationFile", resource("logging/log4j2.xml"))
            .sysProp("java.util.logging.SimpleFormatter.format", "line %4$s %3$s - %5$s%6$s%n")
            .args(all);
    if (!libs.equals("jdk")) {
      try (Stream<Path> jars =
          Files.list(Path.of(System.getProperty("weft.test.log-libs"), libs))) {
        jars.forEach(builder::classpathEntry);
      } catch (IOException e) {
        throw new IllegalStateException("log libraries missing; run through Maven", e);
      }
    }
    return builder;
  }

  private static Path julAllConfig() {
    try {
      Path file = Files.createTempFile("jul-all", ".properties");
      Files.writeString(
          file,
          "handlers=java.util.logging.ConsoleHandler\n"
              + ".level=ALL\n"
              + "java.util.logging.ConsoleHandler.level=INFO\n");
      file.toFile().deleteOnExit();
      return file;
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }

  private static String resource(String name) {
    return Path.of(System.getProperty("weft.test.log-libs"))
        .resolveSibling("test-classes")
        .resolve(name)
        .toString();
  }

  /** Records of the app's own logger, once {@code count} arrived. */
  private static List<Scoped> awaitAppRecords(int count) {
    long deadline = System.nanoTime() + WAIT.toNanos();
    List<Scoped> app;
    do {
      app =
          allRecords().stream()
              .filter(r -> r.scope.equals(APP_LOGGER))
              .collect(Collectors.toList());
      if (app.size() >= count) {
        return app;
      }
      try {
        Thread.sleep(50);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        break;
      }
    } while (System.nanoTime() < deadline);
    throw new AssertionError("expected " + count + " app log records, got " + app);
  }

  private static List<Scoped> allRecords() {
    List<Scoped> all = new ArrayList<>();
    otlp.logRequests()
        .forEach(
            request ->
                request
                    .getResourceLogsList()
                    .forEach(
                        resource -> {
                          for (ScopeLogs scope : resource.getScopeLogsList()) {
                            scope
                                .getLogRecordsList()
                                .forEach(r -> all.add(new Scoped(scope.getScope().getName(), r)));
                          }
                        }));
    return all;
  }

  private static Scoped body(List<Scoped> records, String body) {
    return records.stream()
        .filter(r -> r.record.getBody().getStringValue().equals(body))
        .findFirst()
        .orElseThrow(() -> new AssertionError("no record '" + body + "' in " + records));
  }

  private static Map<String, String> attributes(List<KeyValue> keyValues) {
    Map<String, String> out = new HashMap<>();
    for (KeyValue kv : keyValues) {
      out.put(
          kv.getKey(),
          kv.getValue().hasIntValue()
              ? Long.toString(kv.getValue().getIntValue())
              : kv.getValue().getStringValue());
    }
    return out;
  }

  private static String hex(ByteString bytes) {
    StringBuilder out = new StringBuilder();
    for (byte b : bytes.toByteArray()) {
      out.append(Character.forDigit((b >> 4) & 0xF, 16)).append(Character.forDigit(b & 0xF, 16));
    }
    return out.toString();
  }

  /** A record and the name of its instrumentation scope (the logger name). */
  private static final class Scoped {
    final String scope;
    final LogRecord record;

    Scoped(String scope, LogRecord record) {
      this.scope = scope;
      this.record = record;
    }

    @Override
    public String toString() {
      return scope + ": " + record.getBody().getStringValue();
    }
  }
}
