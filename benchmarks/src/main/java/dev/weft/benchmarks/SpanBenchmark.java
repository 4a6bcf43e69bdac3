package dev.weft.benchmarks;

import dev.weft.bootstrap.context.Context;
import dev.weft.core.api.common.AttributeKey;
import dev.weft.core.api.trace.Span;
import dev.weft.core.api.trace.SpanKind;
import dev.weft.core.api.trace.Tracer;
import dev.weft.sdk.trace.SdkSpan;
import dev.weft.sdk.trace.SdkTracerProvider;
import dev.weft.sdk.trace.SpanProcessor;
import dev.weft.sdk.trace.samplers.Sampler;
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
 * Start and end one span with two attributes, sampled and not sampled: Weft's SDK against the
 * official SDK 1.68.0. Each has one span processor that asks for ended spans and discards them, so
 * this is the tracer's own cost (a real span is built and ended); the batch processor's queue is
 * measured separately.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
@State(Scope.Benchmark)
public class SpanBenchmark {

  private static final AttributeKey<String> METHOD = AttributeKey.stringKey("http.request.method");
  private static final AttributeKey<Long> STATUS =
      AttributeKey.longKey("http.response.status_code");
  private static final io.opentelemetry.api.common.AttributeKey<String> OTEL_METHOD =
      io.opentelemetry.api.common.AttributeKey.stringKey("http.request.method");
  private static final io.opentelemetry.api.common.AttributeKey<Long> OTEL_STATUS =
      io.opentelemetry.api.common.AttributeKey.longKey("http.response.status_code");

  private final Tracer weftSampled = weftTracer(Sampler.alwaysOn());
  private final Tracer weftUnsampled = weftTracer(Sampler.alwaysOff());
  private final io.opentelemetry.api.trace.Tracer otelSampled =
      officialTracer(io.opentelemetry.sdk.trace.samplers.Sampler.alwaysOn());
  private final io.opentelemetry.api.trace.Tracer otelUnsampled =
      officialTracer(io.opentelemetry.sdk.trace.samplers.Sampler.alwaysOff());

  @Benchmark
  public Span weftSampled() {
    return weft(weftSampled);
  }

  @Benchmark
  public Span weftNotSampled() {
    return weft(weftUnsampled);
  }

  @Benchmark
  public io.opentelemetry.api.trace.Span officialSampled() {
    return official(otelSampled);
  }

  @Benchmark
  public io.opentelemetry.api.trace.Span officialNotSampled() {
    return official(otelUnsampled);
  }

  private static Tracer weftTracer(Sampler sampler) {
    return SdkTracerProvider.builder()
        .sampler(sampler)
        .addSpanProcessor(new DiscardingProcessor())
        .build()
        .get("bench", null);
  }

  private static io.opentelemetry.api.trace.Tracer officialTracer(
      io.opentelemetry.sdk.trace.samplers.Sampler sampler) {
    return io.opentelemetry.sdk.trace.SdkTracerProvider.builder()
        .setSampler(sampler)
        .addSpanProcessor(new OfficialDiscardingProcessor())
        .build()
        .get("bench");
  }

  private static Span weft(Tracer tracer) {
    Span span =
        tracer
            .spanBuilder("GET /users/{id}")
            .setSpanKind(SpanKind.SERVER)
            .setAttribute(METHOD, "GET")
            .startSpan();
    span.setAttribute(STATUS, 200L);
    span.end();
    return span;
  }

  private static io.opentelemetry.api.trace.Span official(io.opentelemetry.api.trace.Tracer t) {
    io.opentelemetry.api.trace.Span span =
        t.spanBuilder("GET /users/{id}")
            .setSpanKind(io.opentelemetry.api.trace.SpanKind.SERVER)
            .setAttribute(OTEL_METHOD, "GET")
            .startSpan();
    span.setAttribute(OTEL_STATUS, 200L);
    span.end();
    return span;
  }

  /** Receives every ended span and keeps none. */
  static final class DiscardingProcessor implements SpanProcessor {
    @Override
    public void onStart(Context parentContext, SdkSpan span) {}

    @Override
    public void onEnd(SdkSpan span) {}

    @Override
    public boolean forceFlush(long timeout, TimeUnit unit) {
      return true;
    }

    @Override
    public boolean shutdown(long timeout, TimeUnit unit) {
      return true;
    }
  }

  /** The same for the official SDK: asks for ended spans, keeps none. */
  static final class OfficialDiscardingProcessor
      implements io.opentelemetry.sdk.trace.SpanProcessor {
    @Override
    public void onStart(
        io.opentelemetry.context.Context parentContext,
        io.opentelemetry.sdk.trace.ReadWriteSpan span) {}

    @Override
    public boolean isStartRequired() {
      return true;
    }

    @Override
    public void onEnd(io.opentelemetry.sdk.trace.ReadableSpan span) {}

    @Override
    public boolean isEndRequired() {
      return true;
    }
  }
}
