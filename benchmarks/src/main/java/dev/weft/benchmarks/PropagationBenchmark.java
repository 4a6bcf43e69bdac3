package dev.weft.benchmarks;

import dev.weft.bootstrap.context.Context;
import dev.weft.core.api.propagation.TextMapGetter;
import dev.weft.core.api.propagation.TextMapSetter;
import dev.weft.core.api.trace.Span;
import dev.weft.core.api.trace.SpanContext;
import dev.weft.core.api.trace.TraceState;
import dev.weft.sdk.propagation.W3CTraceContextPropagator;
import io.opentelemetry.api.trace.SpanId;
import io.opentelemetry.api.trace.TraceFlags;
import io.opentelemetry.api.trace.TraceId;
import java.util.HashMap;
import java.util.Map;
import java.util.SplittableRandom;
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
 * W3C {@code traceparent} inject and extract: Weft against the official propagator.
 *
 * <p>{@code *Inject} injects one span context again and again. Weft's propagator keeps, per thread,
 * the digits of the ids it last wrote, so that is its best case; {@code *InjectNewSpan} (one trace,
 * a different span id each time: a request calling out several times) and {@code *InjectNewTrace}
 * (different trace and span ids each time) measure the rest. The official span contexts hold their
 * ids as hex strings made at span start, as the official SDK's do.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
@State(Scope.Thread)
public class PropagationBenchmark {

  private static final String TRACEPARENT =
      "00-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-01";
  private static final TextMapGetter<Map<String, String>> WEFT_GETTER =
      new TextMapGetter<Map<String, String>>() {
        @Override
        public Iterable<String> keys(Map<String, String> carrier) {
          return carrier.keySet();
        }

        @Override
        public String get(Map<String, String> carrier, String key) {
          return carrier.get(key);
        }
      };
  private static final TextMapSetter<Map<String, String>> WEFT_SETTER = Map::put;
  private static final io.opentelemetry.context.propagation.TextMapGetter<Map<String, String>>
      OTEL_GETTER =
          new io.opentelemetry.context.propagation.TextMapGetter<Map<String, String>>() {
            @Override
            public Iterable<String> keys(Map<String, String> carrier) {
              return carrier.keySet();
            }

            @Override
            public String get(Map<String, String> carrier, String key) {
              return carrier == null ? null : carrier.get(key);
            }
          };

  private final W3CTraceContextPropagator weft = W3CTraceContextPropagator.getInstance();
  private final io.opentelemetry.api.trace.propagation.W3CTraceContextPropagator otel =
      io.opentelemetry.api.trace.propagation.W3CTraceContextPropagator.getInstance();
  private final Map<String, String> incoming = new HashMap<>();
  private final Map<String, String> outgoing = new HashMap<>();
  private final Context weftContext =
      Span.wrap(
              SpanContext.create(
                  0x0af7651916cd43ddL,
                  0x8448eb211c80319cL,
                  0xb7ad6b7169203331L,
                  SpanContext.SAMPLED,
                  TraceState.empty()))
          .storeInContext(Context.root());
  private final io.opentelemetry.context.Context otelContext =
      io.opentelemetry.api.trace.Span.wrap(
              io.opentelemetry.api.trace.SpanContext.create(
                  "0af7651916cd43dd8448eb211c80319c",
                  "b7ad6b7169203331",
                  TraceFlags.getSampled(),
                  io.opentelemetry.api.trace.TraceState.getDefault()))
          .storeInContext(io.opentelemetry.context.Context.root());

  // Contexts cycled through, COUNT of each: the same trace with distinct span ids, then distinct
  // traces. Ids from a fixed seed, so every run injects the same ones.
  private static final int COUNT = 256;
  private final Context[] weftNewSpan = new Context[COUNT];
  private final Context[] weftNewTrace = new Context[COUNT];
  private final io.opentelemetry.context.Context[] otelNewSpan =
      new io.opentelemetry.context.Context[COUNT];
  private final io.opentelemetry.context.Context[] otelNewTrace =
      new io.opentelemetry.context.Context[COUNT];
  private int next;

  public PropagationBenchmark() {
    incoming.put("traceparent", TRACEPARENT);
    SplittableRandom random = new SplittableRandom(42);
    for (int i = 0; i < COUNT; i++) {
      long spanId = random.nextLong() | 1;
      weftNewSpan[i] = weftContext(0x0af7651916cd43ddL, 0x8448eb211c80319cL, spanId);
      otelNewSpan[i] = otelContext(0x0af7651916cd43ddL, 0x8448eb211c80319cL, spanId);
      long high = random.nextLong();
      long low = random.nextLong() | 1;
      spanId = random.nextLong() | 1;
      weftNewTrace[i] = weftContext(high, low, spanId);
      otelNewTrace[i] = otelContext(high, low, spanId);
    }
  }

  private static Context weftContext(long high, long low, long spanId) {
    return Span.wrap(SpanContext.create(high, low, spanId, SpanContext.SAMPLED, TraceState.empty()))
        .storeInContext(Context.root());
  }

  private static io.opentelemetry.context.Context otelContext(long high, long low, long spanId) {
    return io.opentelemetry.api.trace.Span.wrap(
            io.opentelemetry.api.trace.SpanContext.create(
                TraceId.fromLongs(high, low),
                SpanId.fromLong(spanId),
                TraceFlags.getSampled(),
                io.opentelemetry.api.trace.TraceState.getDefault()))
        .storeInContext(io.opentelemetry.context.Context.root());
  }

  @Benchmark
  public Context weftExtract() {
    return weft.extract(Context.root(), incoming, WEFT_GETTER);
  }

  @Benchmark
  public io.opentelemetry.context.Context officialExtract() {
    return otel.extract(io.opentelemetry.context.Context.root(), incoming, OTEL_GETTER);
  }

  @Benchmark
  public Map<String, String> weftInject() {
    weft.inject(weftContext, outgoing, WEFT_SETTER);
    return outgoing;
  }

  @Benchmark
  public Map<String, String> officialInject() {
    otel.inject(otelContext, outgoing, Map::put);
    return outgoing;
  }

  @Benchmark
  public Map<String, String> weftInjectNewSpan() {
    weft.inject(weftNewSpan[next++ & (COUNT - 1)], outgoing, WEFT_SETTER);
    return outgoing;
  }

  @Benchmark
  public Map<String, String> officialInjectNewSpan() {
    otel.inject(otelNewSpan[next++ & (COUNT - 1)], outgoing, Map::put);
    return outgoing;
  }

  @Benchmark
  public Map<String, String> weftInjectNewTrace() {
    weft.inject(weftNewTrace[next++ & (COUNT - 1)], outgoing, WEFT_SETTER);
    return outgoing;
  }

  @Benchmark
  public Map<String, String> officialInjectNewTrace() {
    otel.inject(otelNewTrace[next++ & (COUNT - 1)], outgoing, Map::put);
    return outgoing;
  }
}
