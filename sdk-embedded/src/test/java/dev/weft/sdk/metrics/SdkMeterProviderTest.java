package dev.weft.sdk.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import dev.weft.core.api.common.AttributeKey;
import dev.weft.core.api.common.Attributes;
import dev.weft.core.api.metrics.DoubleHistogram;
import dev.weft.core.api.metrics.LongCounter;
import dev.weft.core.api.metrics.LongUpDownCounter;
import dev.weft.core.api.metrics.Meter;
import dev.weft.sdk.metrics.data.AggregationTemporality;
import dev.weft.sdk.metrics.data.HistogramPointData;
import dev.weft.sdk.metrics.data.MetricData;
import dev.weft.sdk.metrics.data.MetricType;
import dev.weft.sdk.metrics.data.NumberPointData;
import dev.weft.sdk.metrics.data.PointData;
import dev.weft.sdk.resources.Resource;
import dev.weft.sdk.testing.LogCapture;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class SdkMeterProviderTest {

  private static final AttributeKey<String> ROUTE = AttributeKey.stringKey("route");

  private static Meter meter(ManualReader reader, int cardinalityLimit) {
    MetricsConfig config =
        new MetricsConfig(
            cardinalityLimit, ExemplarFilter.ALWAYS_OFF, TemporalityPreference.CUMULATIVE, false);
    return SdkMeterProvider.create(Resource.empty(), config, List.of(reader)).get("test", "1.0");
  }

  private static Meter meter(ManualReader reader) {
    return meter(reader, 2000);
  }

  private static Attributes route(String value) {
    return Attributes.builder().put(ROUTE, value).build();
  }

  private static long longValue(MetricData metric, Attributes attributes) {
    for (PointData point : metric.points()) {
      if (point.attributes().equals(attributes)) {
        return ((NumberPointData) point).longValue();
      }
    }
    throw new AssertionError("no point for " + attributes + " in " + metric);
  }

  @Test
  void cumulativeCounterKeepsTotalsPerAttributeSet() {
    ManualReader reader = new ManualReader(TemporalityPreference.CUMULATIVE);
    LongCounter counter = meter(reader).instrument("requests").unit("{request}").longCounter();
    counter.add(2, route("/a"));
    counter.add(3, route("/a"));
    counter.add(1, route("/b"));
    counter.add(-5, route("/a")); // ignored: counters only grow

    MetricData first = reader.collect("requests");
    assertThat(first.type()).isEqualTo(MetricType.LONG_SUM);
    assertThat(first.isMonotonic()).isTrue();
    assertThat(first.temporality()).isEqualTo(AggregationTemporality.CUMULATIVE);
    assertThat(first.unit()).isEqualTo("{request}");
    assertThat(longValue(first, route("/a"))).isEqualTo(5);
    assertThat(longValue(first, route("/b"))).isEqualTo(1);

    counter.add(4, route("/a"));
    MetricData second = reader.collect("requests");
    assertThat(longValue(second, route("/a"))).isEqualTo(9);
    assertThat(longValue(second, route("/b"))).isEqualTo(1);
    assertThat(second.points().get(0).startEpochNanos())
        .isEqualTo(first.points().get(0).startEpochNanos());
  }

  @Test
  void deltaCounterReportsPerIntervalAndForgetsQuietSeries() {
    ManualReader reader = new ManualReader(TemporalityPreference.DELTA);
    LongCounter counter = meter(reader).instrument("requests").longCounter();
    counter.add(2, route("/a"));
    counter.add(1, route("/b"));
    MetricData first = reader.collect("requests");
    assertThat(first.temporality()).isEqualTo(AggregationTemporality.DELTA);
    assertThat(longValue(first, route("/a"))).isEqualTo(2);

    counter.add(5, route("/a"));
    MetricData second = reader.collect("requests");
    assertThat(second.points()).hasSize(1);
    assertThat(longValue(second, route("/a"))).isEqualTo(5);
    assertThat(second.points().get(0).startEpochNanos())
        .isEqualTo(first.points().get(0).epochNanos());

    assertThat(reader.collect("requests")).isNull(); // nothing recorded: no metric at all
  }

  @Test
  void upDownCountersStayCumulativeUnderDelta() {
    ManualReader reader = new ManualReader(TemporalityPreference.DELTA);
    LongUpDownCounter active = meter(reader).instrument("active").longUpDownCounter();
    active.add(3);
    active.add(-1);
    assertThat(longValue(reader.collect("active"), Attributes.empty())).isEqualTo(2);
    active.add(-2);
    MetricData metric = reader.collect("active");
    assertThat(metric.temporality()).isEqualTo(AggregationTemporality.CUMULATIVE);
    assertThat(metric.isMonotonic()).isFalse();
    assertThat(longValue(metric, Attributes.empty())).isZero();
  }

  @Test
  void temporalityPreferencesFollowTheSpecification() {
    for (TemporalityPreference preference : TemporalityPreference.values()) {
      ManualReader reader = new ManualReader(preference);
      Meter meter = meter(reader);
      meter.instrument("c").longCounter().add(1);
      meter.instrument("h").doubleHistogram().record(1);
      meter.instrument("u").longUpDownCounter().add(1);
      meter.instrument("oc").observableLongCounter(m -> m.record(1));
      meter.instrument("ou").observableLongUpDownCounter(m -> m.record(1));
      String expected =
          preference == TemporalityPreference.CUMULATIVE
              ? "CCCCC"
              : preference == TemporalityPreference.DELTA ? "DDCDC" : "DDCCC";
      java.util.Map<String, MetricData> byName = new java.util.HashMap<>();
      for (MetricData metric : reader.collect()) {
        byName.put(metric.name(), metric);
      }
      StringBuilder actual = new StringBuilder();
      for (String name : new String[] {"c", "h", "u", "oc", "ou"}) {
        actual.append(byName.get(name).temporality().name().charAt(0));
      }
      assertThat(actual.toString()).as(preference.name()).isEqualTo(expected);
    }
  }

  @Test
  void histogramUsesAdvisedBoundariesCountSumMinMax() {
    ManualReader reader = new ManualReader(TemporalityPreference.CUMULATIVE);
    DoubleHistogram histogram =
        meter(reader)
            .instrument("duration")
            .unit("s")
            .buckets(List.of(0.1, 1.0, 10.0))
            .doubleHistogram();
    histogram.record(0.05);
    histogram.record(0.1); // upper bounds are inclusive
    histogram.record(5);
    histogram.record(50);
    histogram.record(-1); // ignored

    HistogramPointData point = (HistogramPointData) reader.collect("duration").points().get(0);
    assertThat(point.boundaries()).containsExactly(0.1, 1.0, 10.0);
    assertThat(point.counts()).containsExactly(2, 0, 1, 1);
    assertThat(point.count()).isEqualTo(4);
    assertThat(point.sum()).isEqualTo(55.15, org.assertj.core.data.Offset.offset(1e-9));
    assertThat(point.min()).isEqualTo(0.05);
    assertThat(point.max()).isEqualTo(50);
  }

  @Test
  void histogramWithoutAdviceUsesTheDefaultBoundaries() {
    ManualReader reader = new ManualReader(TemporalityPreference.CUMULATIVE);
    meter(reader).instrument("size").longHistogram().record(7);
    HistogramPointData point = (HistogramPointData) reader.collect("size").points().get(0);
    assertThat(point.boundaries())
        .containsExactly(0, 5, 10, 25, 50, 75, 100, 250, 500, 750, 1000, 2500, 5000, 7500, 10000);
    assertThat(point.counts()[2]).isEqualTo(1);
  }

  @Test
  void gaugeKeepsTheLastValue() {
    ManualReader reader = new ManualReader(TemporalityPreference.CUMULATIVE);
    Meter meter = meter(reader);
    meter.instrument("temperature").doubleGauge().set(20.5, route("x"));
    meter.instrument("temperature").doubleGauge().set(21.5, route("x"));
    MetricData metric = reader.collect("temperature");
    assertThat(metric.type()).isEqualTo(MetricType.DOUBLE_GAUGE);
    assertThat(metric.temporality()).isNull();
    assertThat(((NumberPointData) metric.points().get(0)).doubleValue()).isEqualTo(21.5);
  }

  @Test
  void observableCounterUnderDeltaReportsDifferences() {
    ManualReader reader = new ManualReader(TemporalityPreference.DELTA);
    AtomicLong total = new AtomicLong(10);
    meter(reader).instrument("loaded").observableLongCounter(m -> m.record(total.get()));
    assertThat(longValue(reader.collect("loaded"), Attributes.empty())).isEqualTo(10);
    total.set(25);
    assertThat(longValue(reader.collect("loaded"), Attributes.empty())).isEqualTo(15);
  }

  @Test
  void closedObservableIsNoLongerCalled() {
    ManualReader reader = new ManualReader(TemporalityPreference.CUMULATIVE);
    AtomicLong calls = new AtomicLong();
    var instrument =
        meter(reader).instrument("g").observableLongGauge(m -> m.record(calls.incrementAndGet()));
    reader.collect();
    instrument.close();
    reader.collect();
    assertThat(calls.get()).isEqualTo(1);
  }

  @Test
  void cardinalityLimitSendsNewSeriesToOneOverflowSeries() {
    ManualReader reader = new ManualReader(TemporalityPreference.CUMULATIVE);
    try (LogCapture log = LogCapture.start()) {
      LongCounter counter = meter(reader, 10).instrument("hits").longCounter();
      for (int i = 0; i < 100; i++) {
        counter.add(1, route("/user/" + i));
      }
      counter.add(1, route("/user/3")); // an existing series still records into itself
      MetricData metric = reader.collect("hits");
      assertThat(metric.points()).hasSize(10);
      assertThat(longValue(metric, SyncStorage.OVERFLOW)).isEqualTo(91);
      assertThat(longValue(metric, route("/user/3"))).isEqualTo(2);
      assertThat(log.lines())
          .anySatisfy(line -> assertThat(line).contains("hits", "cardinality limit of 10"));
    }
  }

  @Test
  void cardinalityLimitHoldsUnderDeltaAcrossIntervals() {
    ManualReader reader = new ManualReader(TemporalityPreference.DELTA);
    LongCounter counter = meter(reader, 5).instrument("hits").longCounter();
    for (int interval = 0; interval < 3; interval++) {
      for (int i = 0; i < 50; i++) {
        counter.add(1, route(interval + "/" + i));
      }
      MetricData metric = reader.collect("hits");
      assertThat(metric.points()).hasSize(5);
      assertThat(longValue(metric, SyncStorage.OVERFLOW)).isEqualTo(46);
    }
  }

  @Test
  void observableCardinalityLimitAddsOverflowValues() {
    ManualReader reader = new ManualReader(TemporalityPreference.CUMULATIVE);
    meter(reader, 3)
        .instrument("pools")
        .observableLongUpDownCounter(
            m -> {
              for (int i = 0; i < 5; i++) {
                m.record(10, route("p" + i));
              }
            });
    MetricData metric = reader.collect("pools");
    assertThat(metric.points()).hasSize(3);
    assertThat(longValue(metric, SyncStorage.OVERFLOW)).isEqualTo(30);
  }

  @Test
  void sameInstrumentRegisteredTwiceIsOneMetric() {
    ManualReader reader = new ManualReader(TemporalityPreference.CUMULATIVE);
    Meter meter = meter(reader);
    meter.instrument("Requests").longCounter().add(1);
    meter.instrument("requests").longCounter().add(2);
    List<MetricData> metrics = reader.collect();
    assertThat(metrics).hasSize(1);
    assertThat(longValue(metrics.get(0), Attributes.empty())).isEqualTo(3);
  }
}
