package dev.weft.smoketest;

import static org.assertj.core.api.Assertions.assertThat;

import dev.weft.smoketest.apps.TaskLeakApp;
import dev.weft.smoketest.apps.ThreadHopApp;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The executors module in a real JVM: a server span hands an outgoing call to every JDK concurrency
 * mechanism ({@link ThreadHopApp}); each client span must land in the server span's trace, under
 * it. Pool threads must not carry that context into later, unrelated tasks.
 */
class ExecutorsSmokeTest {

  private static final String RUNTIMES = "dev.weft.smoketest.JavaRuntimes#all";

  @TempDir static Path tmp;
  private static Path agent;

  @BeforeAll
  static void patchAgent() {
    agent = PatchedAgent.build(tmp);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource(RUNTIMES)
  void everyMechanismCarriesTheServerSpanIntoTheTask(JavaRuntime java) {
    ProcessResult result = AppProcess.run(app(java).sysProp("otel.javaagent.debug", "true"));

    assertThat(result.exitCode()).as(result.toString()).isZero();
    assertThat(result.stdout()).as(result.toString()).contains("work 200 ok", "done");
    assertThat(result.stderr())
        .contains(
            "Advice errors suppressed: 0",
            "Transforming java.lang.Thread ",
            "Transforming java.util.concurrent.ThreadPoolExecutor ",
            "Transforming java.util.concurrent.ScheduledThreadPoolExecutor ",
            "Transforming java.util.concurrent.FutureTask ",
            "Transforming java.util.concurrent.ForkJoinPool ",
            "Transforming java.util.concurrent.ForkJoinTask ",
            "Transforming java.util.concurrent.CompletableFuture ",
            "Transforming java.util.concurrent.CompletableFuture$BiApply ",
            "Transforming dev.weft.smoketest.apps.ThreadHopApp$1 ");
    if (java.featureVersion() >= 21) {
      assertThat(result.stderr()).contains("Transforming java.lang.VirtualThread ");
    }
    List<String> mechanisms = mechanisms(result.stdout());
    assertThat(mechanisms)
        .contains("execute", "forkjoin-fork", "cf-thenCombine-completed-elsewhere");
    if (java.featureVersion() >= 21) {
      assertThat(mechanisms).contains("virtual-thread", "virtual-executor");
    }
    List<TestSpan> spans = TestSpan.parse(result.stderr());
    TestSpan work = only(spans, s -> s.kind.equals("SERVER") && s.name.equals("GET /work"));
    for (String via : mechanisms) {
      List<TestSpan> clients = clients(spans, via);
      assertThat(clients).as(via + " in " + spans).isNotEmpty();
      for (TestSpan client : clients) {
        assertThat(client.traceId).as(via).isEqualTo(work.traceId);
        assertThat(client.parentId).as(via).isEqualTo(work.spanId);
        TestSpan leaf = only(spans, s -> client.spanId.equals(s.parentId));
        assertThat(leaf.name).isEqualTo("GET /leaf");
      }
    }
    assertThat(clients(spans, "scheduleAtFixedRate")).hasSize(2);
    assertThat(clients(spans, "forkjoin-fork")).hasSize(2);
    assertThat(clients(spans, "parallel-stream")).hasSize(2);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource(RUNTIMES)
  void pooledThreadsCarryNoStaleContextIntoUnrelatedTasks(JavaRuntime java) {
    ProcessResult result = AppProcess.run(app(java));

    assertThat(result.exitCode()).as(result.toString()).isZero();
    List<TestSpan> spans = TestSpan.parse(result.stderr());
    TestSpan work = only(spans, s -> s.kind.equals("SERVER") && s.name.equals("GET /work"));
    for (String pool : List.of("fixed", "scheduled", "subclass", "forkjoin")) {
      List<TestSpan> clients = clients(spans, "stale-" + pool);
      assertThat(clients).as(pool).isNotEmpty();
      for (TestSpan client : clients) {
        assertThat(client.parentId).as(pool).isEqualTo("none");
        assertThat(client.traceId).as(pool).isNotEqualTo(work.traceId);
      }
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource(RUNTIMES)
  void queuesRemoveEqualsAndToStringAreTheApplicationsOwn(JavaRuntime java) {
    ProcessResult plain =
        AppProcess.run(AppProcess.builder(java).mainClass(ThreadHopApp.class.getName()));
    ProcessResult woven = AppProcess.run(app(java));

    String expected =
        "semantics queued-as-submitted=true equals=true hashCode=true remove=true/false toString=";
    assertThat(semantics(plain.stdout())).as(plain.toString()).startsWith(expected);
    assertThat(semantics(woven.stdout())).isEqualTo(semantics(plain.stdout()));
    assertThat(woven.stdout()).doesNotContain("called never");
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource(RUNTIMES)
  void switchedOffByTheOfficialName(JavaRuntime java) {
    ProcessResult result =
        AppProcess.run(app(java).sysProp("otel.instrumentation.executors.enabled", "false"));

    assertThat(result.exitCode()).as(result.toString()).isZero();
    List<TestSpan> spans = TestSpan.parse(result.stderr());
    TestSpan work = only(spans, s -> s.kind.equals("SERVER") && s.name.equals("GET /work"));
    // Only work done on the server's own thread stays in its trace.
    assertThat(clients(spans, "execute")).allMatch(s -> !s.traceId.equals(work.traceId));
    assertThat(clients(spans, "thread-start")).allMatch(s -> s.parentId.equals("none"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource(RUNTIMES)
  void tasksThatNeverRunDoNotPinTheirContext(JavaRuntime java) {
    ProcessResult result =
        AppProcess.run(
            AppProcess.builder(java).mainClass(TaskLeakApp.class.getName()).withAgent(agent));

    assertThat(result.exitCode()).as(result.toString()).isZero();
    assertThat(result.stdout())
        .as(result.toString())
        .contains("collected 20 of 20", "kept 180 task objects")
        .doesNotContain("should never run");
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource(RUNTIMES)
  void aTaskStillQueuedKeepsItsContext(JavaRuntime java) {
    ProcessResult result =
        AppProcess.run(
            AppProcess.builder(java)
                .mainClass(TaskLeakApp.class.getName())
                .args("--keep-pending")
                .withAgent(agent));

    assertThat(result.exitCode()).as(result.toString()).isZero();
    assertThat(result.stdout()).as(result.toString()).contains("collected 0 of 20");
  }

  private static AppProcess.Builder app(JavaRuntime java) {
    return AppProcess.builder(java).mainClass(ThreadHopApp.class.getName()).withAgent(agent);
  }

  private static String semantics(String stdout) {
    for (String line : stdout.split("\\R")) {
      if (line.startsWith("semantics ")) {
        return line;
      }
    }
    throw new AssertionError("no semantics line in " + stdout);
  }

  private static List<String> mechanisms(String stdout) {
    for (String line : stdout.split("\\R")) {
      if (line.startsWith("mechanisms ")) {
        return Arrays.asList(line.substring("mechanisms ".length()).split(","));
      }
    }
    throw new AssertionError("no mechanisms line in " + stdout);
  }

  private static List<TestSpan> clients(List<TestSpan> spans, String via) {
    List<TestSpan> found = new ArrayList<>();
    for (TestSpan span : spans) {
      String url = span.attribute("url.full");
      if (span.kind.equals("CLIENT") && url != null && url.endsWith("/leaf?via=" + via)) {
        found.add(span);
      }
    }
    return found;
  }

  private static TestSpan only(List<TestSpan> spans, java.util.function.Predicate<TestSpan> test) {
    List<TestSpan> found = spans.stream().filter(test).collect(Collectors.toList());
    assertThat(found).as("exactly one matching span in " + spans).hasSize(1);
    return found.get(0);
  }
}
