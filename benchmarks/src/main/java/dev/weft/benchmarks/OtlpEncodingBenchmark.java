package dev.weft.benchmarks;

import dev.weft.bootstrap.context.Context;
import dev.weft.core.api.common.AttributeKey;
import dev.weft.core.api.common.Attributes;
import dev.weft.core.api.trace.Span;
import dev.weft.core.api.trace.SpanKind;
import dev.weft.core.api.trace.Tracer;
import dev.weft.sdk.export.otlp.OtlpTraceEncoder;
import dev.weft.sdk.trace.SdkSpan;
import dev.weft.sdk.trace.SdkTracerProvider;
import dev.weft.sdk.trace.SpanProcessor;
import dev.weft.sdk.trace.samplers.Sampler;
import io.opentelemetry.exporter.internal.otlp.traces.TraceRequestMarshaler;
import io.opentelemetry.sdk.trace.ReadWriteSpan;
import io.opentelemetry.sdk.trace.ReadableSpan;
import io.opentelemetry.sdk.trace.data.SpanData;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Encoding one OTLP export request of 512 HTTP-server-like spans to protobuf bytes: Weft's
 * field-by-field encoder against the official exporter's marshaler, each fed spans from its own SDK
 * with the same names, kinds and attributes.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
@State(Scope.Benchmark)
public class OtlpEncodingBenchmark {

  private static final int BATCH = 512;

  private final List<SdkSpan> weftSpans = new ArrayList<>(BATCH);
  private final List<SpanData> officialSpans = new ArrayList<>(BATCH);

  @Setup
  public void createSpans() {
    Tracer weft =
        SdkTracerProvider.builder()
            .sampler(Sampler.alwaysOn())
            .addSpanProcessor(new Collecting(weftSpans))
            .build()
            .get("io.opentelemetry.java-http-server", null);
    io.opentelemetry.api.trace.Tracer official =
        io.opentelemetry.sdk.trace.SdkTracerProvider.builder()
            .addSpanProcessor(new OfficialCollecting(officialSpans))
            .build()
            .get("io.opentelemetry.java-http-server");
    for (int i = 0; i < BATCH; i++) {
      Span span = weft.spanBuilder("GET /users/{id}").setSpanKind(SpanKind.SERVER).startSpan();
      span.setAttribute(AttributeKey.stringKey("http.request.method"), "GET");
      span.setAttribute(AttributeKey.stringKey("url.path"), "/users/" + i);
      span.setAttribute(AttributeKey.stringKey("http.route"), "/users/{id}");
      span.setAttribute(AttributeKey.longKey("http.response.status_code"), 200L);
      span.addEvent("cache miss", Attributes.empty());
      span.end();
      io.opentelemetry.api.trace.Span other =
          official
              .spanBuilder("GET /users/{id}")
              .setSpanKind(io.opentelemetry.api.trace.SpanKind.SERVER)
              .startSpan();
      other.setAttribute("http.request.method", "GET");
      other.setAttribute("url.path", "/users/" + i);
      other.setAttribute("http.route", "/users/{id}");
      other.setAttribute("http.response.status_code", 200L);
      other.addEvent("cache miss");
      other.end();
    }
  }

  @Benchmark
  public byte[] weft() {
    return OtlpTraceEncoder.encode(weftSpans);
  }

  @Benchmark
  public byte[] official() throws IOException {
    TraceRequestMarshaler marshaler = TraceRequestMarshaler.create(officialSpans);
    ByteArrayOutputStream out = new ByteArrayOutputStream(marshaler.getBinarySerializedSize());
    marshaler.writeBinaryTo(out);
    return out.toByteArray();
  }

  /** Keeps ended spans: Weft's span is its own export data. */
  static final class Collecting implements SpanProcessor {
    private final List<SdkSpan> into;

    Collecting(List<SdkSpan> into) {
      this.into = into;
    }

    @Override
    public void onStart(Context parentContext, SdkSpan span) {}

    @Override
    public void onEnd(SdkSpan span) {
      into.add(span);
    }

    @Override
    public boolean forceFlush(long timeout, TimeUnit unit) {
      return true;
    }

    @Override
    public boolean shutdown(long timeout, TimeUnit unit) {
      return true;
    }
  }

  /** Keeps ended spans as the official exporters receive them. */
  static final class OfficialCollecting implements io.opentelemetry.sdk.trace.SpanProcessor {
    private final List<SpanData> into;

    OfficialCollecting(List<SpanData> into) {
      this.into = into;
    }

    @Override
    public void onStart(io.opentelemetry.context.Context parent, ReadWriteSpan span) {}

    @Override
    public boolean isStartRequired() {
      return false;
    }

    @Override
    public void onEnd(ReadableSpan span) {
      into.add(span.toSpanData());
    }

    @Override
    public boolean isEndRequired() {
      return true;
    }
  }
}
