package dev.weft.smoketest;

import static org.assertj.core.api.Assertions.assertThat;

import dev.weft.smoketest.apps.JdkHttpApp;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The JDK HTTP instrumentations (java-http-server, java-http-client, http-url-connection) in a real
 * JVM: the shipped modules, woven by the shipped agent, with the test-only printing SDK patched in
 * ({@link PatchedAgent}) so that spans can be checked before and independently of the embedded SDK
 * and its exporters.
 */
class JdkHttpSmokeTest {

  private static final String RUNTIMES = "dev.weft.smoketest.JavaRuntimes#all";
  private static final Duration WAIT = Duration.ofSeconds(30);
  // "send 200 traceparent=00-<trace>-<span>-01 tag=filtered"
  private static final Pattern PROPAGATED =
      Pattern.compile("^(\\S+) (\\d{3}) traceparent=00-(\\p{XDigit}{32})-(\\p{XDigit}{16})-01 ");

  @TempDir static Path tmp;
  private static Path agent;

  @BeforeAll
  static void patchAgent() {
    agent = PatchedAgent.build(tmp);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource(RUNTIMES)
  void everyCallIsOneClientSpanThatParentsOneServerSpan(JavaRuntime java) {
    ProcessResult result = AppProcess.run(app(java).sysProp("otel.javaagent.debug", "true"));

    assertThat(result.exitCode()).as(result.toString()).isZero();
    assertThat(result.stderr()).contains("Advice errors suppressed: 0");
    List<TestSpan> spans = TestSpan.parse(result.stderr());
    List<String> propagated = propagatedLines(result.stdout());
    assertThat(propagated).as(result.stdout()).hasSize(4);
    for (String line : propagated) {
      Matcher m = PROPAGATED.matcher(line);
      assertThat(m.find()).isTrue();
      String via = m.group(1).equals("urlconnection") ? "http-url-connection" : "java-http-client";
      TestSpan client = only(spans, s -> s.spanId.equals(m.group(4)), line);
      TestSpan server = only(spans, s -> m.group(4).equals(s.parentId), line);
      assertThat(client.instrumentation()).isEqualTo(via);
      assertThat(client.kind).isEqualTo("CLIENT");
      assertThat(client.traceId).isEqualTo(m.group(3));
      assertThat(client.parentId).isEqualTo("none");
      assertThat(client.name).isEqualTo("GET");
      assertThat(client.attribute("http.response.status_code")).isEqualTo(m.group(2));
      assertThat(server.instrumentation()).isEqualTo("java-http-server");
      assertThat(server.kind).isEqualTo("SERVER");
      assertThat(server.traceId).isEqualTo(m.group(3));
      assertThat(server.attribute("http.response.status_code")).isEqualTo(m.group(2));
    }
    // Three to /hello through a user filter, one to /fail: one server span each, nothing nested.
    assertThat(names(spans, "java-http-server"))
        .containsExactlyInAnyOrder("GET /hello", "GET /hello", "GET /hello", "GET /fail");
    // Two successful calls and one TLS failure per client; getResponseCode twice is one span.
    assertThat(spans(spans, "java-http-client")).hasSize(3);
    assertThat(spans(spans, "http-url-connection")).hasSize(3);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource(RUNTIMES)
  void attributesAndStatusFollowTheHttpConventions(JavaRuntime java) {
    ProcessResult result = AppProcess.run(app(java));
    List<TestSpan> spans = TestSpan.parse(result.stderr());

    TestSpan server = first(spans, s -> s.name.equals("GET /hello"));
    assertThat(server.status).isEqualTo("UNSET");
    assertThat(server.attributes)
        .containsEntry("http.request.method", "GET")
        .containsEntry("url.scheme", "http")
        .containsEntry("url.path", "/hello")
        .containsEntry("http.route", "/hello")
        .containsEntry("server.address", "127.0.0.1")
        .containsEntry("client.address", "127.0.0.1")
        .containsEntry("network.peer.address", "127.0.0.1")
        .containsEntry("network.protocol.version", "1.1")
        .containsKeys("url.query", "server.port", "network.peer.port", "user_agent.original");
    TestSpan failedServer = first(spans, s -> s.name.equals("GET /fail"));
    assertThat(failedServer.status).isEqualTo("ERROR");
    assertThat(failedServer.attribute("error.type")).isEqualTo("500");
    TestSpan failedClient =
        first(spans, s -> s.kind.equals("CLIENT") && "500".equals(s.attribute("error.type")));
    assertThat(failedClient.status).isEqualTo("ERROR");
    assertThat(failedClient.attribute("url.full")).endsWith("/fail?via=urlconnection");
    for (String instrumentation : List.of("java-http-client", "http-url-connection")) {
      TestSpan tls =
          first(
              spans,
              s ->
                  s.instrumentation().equals(instrumentation)
                      && s.attribute("url.full") != null
                      && s.attribute("url.full").startsWith("https://"));
      assertThat(tls.status).as(instrumentation).isEqualTo("ERROR");
      assertThat(tls.exceptions).as(instrumentation).isEqualTo(1);
      assertThat(tls.attribute("error.type")).startsWith("javax.net.ssl.SSL");
      assertThat(tls.attributes).doesNotContainKey("http.response.status_code");
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource(RUNTIMES)
  void moduleOptionsGivenAsAgentArgumentsApply(JavaRuntime java) {
    ProcessResult result =
        AppProcess.run(
            app(java)
                .agentArgs(
                    "otel.instrumentation.http.server.capture-request-headers=user-agent,"
                        + "otel.instrumentation.http.client.capture-response-headers=content-length"));

    assertThat(result.exitCode()).as(result.toString()).isZero();
    List<TestSpan> spans = TestSpan.parse(result.stderr());
    TestSpan server = first(spans, s -> s.name.equals("GET /hello"));
    assertThat(server.attributes).containsKey("http.request.header.user-agent");
    TestSpan client =
        first(
            spans,
            s -> s.kind.equals("CLIENT") && "200".equals(s.attribute("http.response.status_code")));
    assertThat(client.attributes).containsKey("http.response.header.content-length");
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource(RUNTIMES)
  void clientModulesSwitchOffByTheirOpenTelemetryNames(JavaRuntime java) {
    ProcessResult result =
        AppProcess.run(
            app(java)
                .env("OTEL_INSTRUMENTATION_JAVA_HTTP_CLIENT_ENABLED", "false")
                .sysProp("otel.instrumentation.http-url-connection.enabled", "false"));

    assertThat(result.exitCode()).as(result.toString()).isZero();
    List<TestSpan> spans = TestSpan.parse(result.stderr());
    assertThat(spans).isNotEmpty().allMatch(s -> s.instrumentation().equals("java-http-server"));
    assertThat(spans).allMatch(s -> s.parentId.equals("none"));
    assertThat(result.stdout()).doesNotContain("traceparent=00-");
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource(RUNTIMES)
  void appBehavesTheSameWithTheShippedAgent(JavaRuntime java) {
    ProcessResult plain =
        AppProcess.run(AppProcess.builder(java).mainClass(JdkHttpApp.class.getName()));
    ProcessResult woven =
        AppProcess.run(
            AppProcess.builder(java)
                .mainClass(JdkHttpApp.class.getName())
                .withAgent()
                .sysProp("otel.javaagent.debug", "true"));

    assertThat(woven.exitCode()).as(woven.toString()).isZero();
    // With the embedded SDK the clients propagate; without it they do not: compare the rest.
    assertThat(withoutTraceparents(woven.stdout())).isEqualTo(withoutTraceparents(plain.stdout()));
    assertThat(woven.stderr())
        .contains(
            "Transforming com.sun.net.httpserver.Filter$Chain",
            "Transforming jdk.internal.net.http.HttpClientImpl",
            "Transforming sun.net.www.protocol.http.HttpURLConnection",
            "Transforming sun.net.www.protocol.https.AbstractDelegateHttpsURLConnection",
            "Advice errors suppressed: 0");
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource(RUNTIMES)
  void attachingRetransformsTheAlreadyLoadedJdkClasses(JavaRuntime java) throws Exception {
    try (AppProcess app =
        AppProcess.builder(java)
            .mainClass(JdkHttpApp.class.getName())
            .args("--repeat-until-killed")
            .start()) {
      app.awaitStdout("ready", WAIT);
      app.awaitStdout("urlconnection-tls-mismatch", WAIT); // every class involved is loaded

      String attach = attach(java, app.pid());

      assertThat(attach).contains("Attached Weft");
      app.awaitStderr("classes loaded before Weft: [", WAIT);
      String retransformed =
          app.stderr()
              .lines()
              .filter(l -> l.contains("classes loaded before Weft"))
              .findFirst()
              .get();
      // The four HTTP classes, and (executors) the JDK's pools and threads, already in use.
      assertThat(retransformed)
          .contains(
              "com.sun.net.httpserver.Filter$Chain",
              "jdk.internal.net.http.HttpClientImpl",
              "sun.net.www.protocol.http.HttpURLConnection",
              "sun.net.www.protocol.https.AbstractDelegateHttpsURLConnection",
              "java.util.concurrent.ThreadPoolExecutor",
              "java.lang.Thread");
      app.awaitStderr("scope=io.opentelemetry.http-url-connection", WAIT);
      app.awaitStderr("scope=io.opentelemetry.java-http-client", WAIT);
      app.awaitStderr("scope=io.opentelemetry.java-http-server", WAIT);
    }
  }

  private static AppProcess.Builder app(JavaRuntime java) {
    return AppProcess.builder(java).mainClass(JdkHttpApp.class.getName()).withAgent(agent);
  }

  private static String attach(JavaRuntime java, long pid)
      throws IOException, InterruptedException {
    List<String> command =
        List.of(
            java.javaExecutable().toString(),
            "-jar",
            agent.toString(),
            "attach",
            Long.toString(pid),
            "otel.javaagent.debug=true");
    ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
    builder.environment().keySet().removeIf(AppProcess::isHostSetting);
    Process process = builder.start();
    process.getOutputStream().close();
    String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    if (!process.waitFor(WAIT.toSeconds(), TimeUnit.SECONDS)) {
      process.destroyForcibly();
      throw new AssertionError("attach did not finish: " + output);
    }
    return output;
  }

  static List<String> propagatedLines(String stdout) {
    List<String> lines = new ArrayList<>();
    for (String line : stdout.split("\\R")) {
      if (PROPAGATED.matcher(line).find()) {
        lines.add(line);
      }
    }
    return lines;
  }

  static String withoutTraceparents(String stdout) {
    return stdout.replaceAll("traceparent=\\S+", "traceparent=*");
  }

  private static List<TestSpan> spans(List<TestSpan> spans, String instrumentation) {
    return spans.stream()
        .filter(s -> s.instrumentation().equals(instrumentation))
        .collect(Collectors.toList());
  }

  private static List<String> names(List<TestSpan> spans, String instrumentation) {
    return spans(spans, instrumentation).stream().map(s -> s.name).collect(Collectors.toList());
  }

  private static TestSpan only(
      List<TestSpan> spans, java.util.function.Predicate<TestSpan> test, String why) {
    List<TestSpan> found = spans.stream().filter(test).collect(Collectors.toList());
    assertThat(found).as("exactly one span for: " + why + "\nspans: " + spans).hasSize(1);
    return found.get(0);
  }

  private static TestSpan first(List<TestSpan> spans, java.util.function.Predicate<TestSpan> test) {
    return spans.stream()
        .filter(test)
        .findFirst()
        .orElseThrow(() -> new AssertionError("no such span in " + spans));
  }
}
