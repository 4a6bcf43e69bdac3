package dev.weft.benchmarks;

import dev.weft.bootstrap.context.Context;
import dev.weft.bootstrap.context.ContextKey;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Making a context current and restoring the previous one: Weft's bootstrap context against the
 * official {@code io.opentelemetry.context.Context}. Both attach a context holding one value.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
@State(Scope.Thread)
public class ContextBenchmark {

  private static final ContextKey<String> WEFT_KEY = ContextKey.named("benchmark");
  private static final io.opentelemetry.context.ContextKey<String> OTEL_KEY =
      io.opentelemetry.context.ContextKey.named("benchmark");

  private final Context weft = Context.root().with(WEFT_KEY, "value");
  private final io.opentelemetry.context.Context otel =
      io.opentelemetry.context.Context.root().with(OTEL_KEY, "value");

  @Benchmark
  public String weftAttachDetach() {
    try (dev.weft.bootstrap.context.Scope ignored = weft.makeCurrent()) {
      return Context.current().get(WEFT_KEY);
    }
  }

  @Benchmark
  public String officialAttachDetach() {
    try (io.opentelemetry.context.Scope ignored = otel.makeCurrent()) {
      return io.opentelemetry.context.Context.current().get(OTEL_KEY);
    }
  }
}
