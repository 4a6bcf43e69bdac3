package dev.weft.benchmarks;

import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanContext;
import io.opentelemetry.api.trace.TraceFlags;
import io.opentelemetry.api.trace.TraceState;
import java.lang.reflect.Method;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.ForkJoinTask;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Submit-and-run of an empty task, per task: a batch of {@value #BATCH} tasks handed to a
 * one-thread pool (or a fork/join pool), then waited for. The agent is chosen on the command line
 * ({@code -jvmArgsAppend -javaagent:...}, see BENCHMARKS.md), so the same code measures no agent,
 * Weft and the official agent. With {@code context=current} a context holding a span is current
 * while submitting: Weft's own when Weft is attached, else one made through the OpenTelemetry API
 * (which the official agent bridges to its own context).
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 5, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
@State(Scope.Thread)
public class ExecutorBenchmark {

  static final int BATCH = 1000;

  @Param({"root", "current"})
  public String context;

  private ExecutorService pool;
  private ForkJoinPool forkJoin;
  private AutoCloseable scope;

  @Setup(Level.Trial)
  public void start() throws Exception {
    pool = Executors.newSingleThreadExecutor();
    forkJoin = new ForkJoinPool(1);
    // Workers are started under the root context, as a server's pools are before traffic.
    pool.submit(() -> {}).get();
    forkJoin.submit(() -> {}).get();
    if (context.equals("current")) {
      scope = makeSpanCurrent();
    }
  }

  @TearDown(Level.Trial)
  public void stop() throws Exception {
    if (scope != null) {
      scope.close();
    }
    pool.shutdownNow();
    forkJoin.shutdownNow();
  }

  @Benchmark
  @OperationsPerInvocation(BATCH)
  public void executeThenRun() throws Exception {
    for (int i = 0; i < BATCH - 1; i++) {
      pool.execute(new EmptyTask());
    }
    pool.submit(new EmptyTask()).get(); // one queue: every task before it has run
  }

  @Benchmark
  @OperationsPerInvocation(BATCH)
  public void forkJoinSubmitThenRun() throws Exception {
    ForkJoinTask<?> last = null;
    for (int i = 0; i < BATCH; i++) {
      last = forkJoin.submit(new EmptyTask());
    }
    last.get();
    forkJoin.awaitQuiescence(1, TimeUnit.SECONDS);
  }

  private static AutoCloseable makeSpanCurrent() throws Exception {
    Class<?> weft;
    try {
      weft = Class.forName("dev.weft.bootstrap.context.Context", false, null);
    } catch (ClassNotFoundException notAttached) {
      weft = null;
    }
    if (weft == null) {
      SpanContext span =
          SpanContext.create(
              "0af7651916cd43dd8448eb211c80319c",
              "b7ad6b7169203331",
              TraceFlags.getSampled(),
              TraceState.getDefault());
      return io.opentelemetry.context.Context.root().with(Span.wrap(span)).makeCurrent();
    }
    // Weft's bootstrap context, reached reflectively: this jar's own copy is not the agent's.
    Class<?> keyType = Class.forName("dev.weft.bootstrap.context.ContextKey", false, null);
    Object key = keyType.getMethod("named", String.class).invoke(null, "benchmark");
    Object root = weft.getMethod("root").invoke(null);
    Method with = weft.getMethod("with", keyType, Object.class);
    Object context = with.invoke(root, key, "span");
    Object weftScope = weft.getMethod("makeCurrent").invoke(context);
    Method close = weftScope.getClass().getMethod("close");
    close.setAccessible(true);
    return () -> close.invoke(weftScope);
  }

  /** A fresh task per submission, as applications submit them (a class, not a lambda). */
  static final class EmptyTask implements Runnable {
    @Override
    public void run() {}
  }
}
