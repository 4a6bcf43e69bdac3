package dev.weft.benchmarks;

import dev.weft.core.api.common.AttributeKey;
import dev.weft.core.api.common.Attributes;
import dev.weft.core.api.metrics.DoubleHistogram;
import dev.weft.core.api.metrics.InstrumentType;
import dev.weft.core.api.metrics.LongCounter;
import dev.weft.core.api.metrics.Meter;
import dev.weft.sdk.metrics.MetricsConfig;
import dev.weft.sdk.metrics.SdkMeterProvider;
import dev.weft.sdk.metrics.TemporalityPreference;
import dev.weft.sdk.metrics.data.AggregationTemporality;
import dev.weft.sdk.metrics.export.MetricProducer;
import dev.weft.sdk.metrics.export.MetricReader;
import dev.weft.sdk.resources.Resource;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Recording into an existing series: counter add and histogram record with two attributes (built
 * once, as an instrumentation would keep them), Weft's SDK against the official SDK 1.68.0, each
 * with one reader that is never collected, cumulative and delta. Exemplars off on both sides (there
 * is no sampled span here either way).
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
@State(Scope.Benchmark)
public class MetricsBenchmark {

  @Param({"cumulative", "delta"})
  public String temporality;

  private LongCounter weftCounter;
  private DoubleHistogram weftHistogram;
  private io.opentelemetry.api.metrics.LongCounter otelCounter;
  private io.opentelemetry.api.metrics.DoubleHistogram otelHistogram;
  private final Attributes weftAttributes =
      Attributes.builder()
          .put("http.request.method", "GET")
          .put(AttributeKey.longKey("http.response.status_code"), 200L)
          .build();
  private final io.opentelemetry.api.common.Attributes otelAttributes =
      io.opentelemetry.api.common.Attributes.builder()
          .put("http.request.method", "GET")
          .put("http.response.status_code", 200L)
          .build();

  @Setup
  public void setUp() {
    boolean delta = temporality.equals("delta");
    MetricsConfig config =
        new MetricsConfig(
            2000,
            dev.weft.sdk.metrics.ExemplarFilter.ALWAYS_OFF,
            delta ? TemporalityPreference.DELTA : TemporalityPreference.CUMULATIVE,
            false);
    Meter meter =
        SdkMeterProvider.create(Resource.empty(), config, List.of(new IdleReader(delta)))
            .get("bench", null);
    weftCounter = meter.instrument("requests").longCounter();
    weftHistogram = meter.instrument("duration").unit("s").doubleHistogram();

    io.opentelemetry.sdk.metrics.export.AggregationTemporalitySelector selector =
        delta
            ? io.opentelemetry.sdk.metrics.export.AggregationTemporalitySelector.deltaPreferred()
            : io.opentelemetry.sdk.metrics.export.AggregationTemporalitySelector.alwaysCumulative();
    io.opentelemetry.api.metrics.Meter official =
        io.opentelemetry.sdk.metrics.SdkMeterProvider.builder()
            .setExemplarFilter(io.opentelemetry.sdk.metrics.ExemplarFilter.alwaysOff())
            .registerMetricReader(new OfficialIdleReader(selector))
            .build()
            .get("bench");
    otelCounter = official.counterBuilder("requests").build();
    otelHistogram = official.histogramBuilder("duration").setUnit("s").build();
    // Create the series before measuring: the benchmark is about recording into an existing one.
    weftCounter.add(1, weftAttributes);
    weftHistogram.record(0.1, weftAttributes);
    otelCounter.add(1, otelAttributes);
    otelHistogram.record(0.1, otelAttributes);
  }

  @Benchmark
  public void weftCounterAdd() {
    weftCounter.add(1, weftAttributes);
  }

  @Benchmark
  public void officialCounterAdd() {
    otelCounter.add(1, otelAttributes);
  }

  @Benchmark
  public void weftHistogramRecord() {
    weftHistogram.record(0.042, weftAttributes);
  }

  @Benchmark
  public void officialHistogramRecord() {
    otelHistogram.record(0.042, otelAttributes);
  }

  @Benchmark
  @Threads(2)
  public void weftCounterAddContended() {
    weftCounter.add(1, weftAttributes);
  }

  @Benchmark
  @Threads(2)
  public void officialCounterAddContended() {
    otelCounter.add(1, otelAttributes);
  }

  /** The official SDK's reader that is never collected. */
  static final class OfficialIdleReader
      implements io.opentelemetry.sdk.metrics.export.MetricReader {
    private final io.opentelemetry.sdk.metrics.export.AggregationTemporalitySelector selector;

    OfficialIdleReader(
        io.opentelemetry.sdk.metrics.export.AggregationTemporalitySelector selector) {
      this.selector = selector;
    }

    @Override
    public void register(io.opentelemetry.sdk.metrics.export.CollectionRegistration registration) {}

    @Override
    public io.opentelemetry.sdk.common.CompletableResultCode forceFlush() {
      return io.opentelemetry.sdk.common.CompletableResultCode.ofSuccess();
    }

    @Override
    public io.opentelemetry.sdk.common.CompletableResultCode shutdown() {
      return io.opentelemetry.sdk.common.CompletableResultCode.ofSuccess();
    }

    @Override
    public io.opentelemetry.sdk.metrics.data.AggregationTemporality getAggregationTemporality(
        io.opentelemetry.sdk.metrics.InstrumentType type) {
      return selector.getAggregationTemporality(type);
    }
  }

  /** A reader that is never collected: recording only. */
  static final class IdleReader implements MetricReader {
    private final boolean delta;

    IdleReader(boolean delta) {
      this.delta = delta;
    }

    @Override
    public AggregationTemporality temporality(InstrumentType type) {
      return (delta ? TemporalityPreference.DELTA : TemporalityPreference.CUMULATIVE)
          .temporality(type);
    }

    @Override
    public boolean exponentialHistograms() {
      return false;
    }

    @Override
    public void start(MetricProducer producer) {}

    @Override
    public boolean shutdown(long timeoutNanos) {
      return true;
    }
  }
}
