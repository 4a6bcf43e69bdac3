package dev.weft.sdk.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import dev.weft.sdk.metrics.data.ExponentialHistogramPointData;
import dev.weft.sdk.resources.Resource;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ExponentialHistogramTest {

  @ParameterizedTest
  @ValueSource(ints = {-4, -1, 0, 1, 3, 8, 20})
  void indexPutsEveryValueBetweenItsBucketBounds(int scale) {
    Random random = new Random(42);
    for (int i = 0; i < 10_000; i++) {
      double value = Math.exp(random.nextGaussian() * 20);
      int index = ExponentialHistogramHandle.indexOf(value, scale);
      // 2^(index / 2^scale): the exponent is exact, unlike powers of a rounded base.
      double lower = Math.pow(2, Math.scalb((double) index, -scale));
      double upper = Math.pow(2, Math.scalb((double) index + 1, -scale));
      // Relative tolerance: pow() itself rounds near the bucket bounds.
      assertThat(value)
          .as("value %s scale %s index %s", value, scale, index)
          .isGreaterThan(lower * (1 - 1e-12))
          .isLessThanOrEqualTo(upper * (1 + 1e-12));
    }
  }

  @Test
  void powersOfTwoAreUpperBounds() {
    assertThat(ExponentialHistogramHandle.indexOf(1, 0)).isEqualTo(-1);
    assertThat(ExponentialHistogramHandle.indexOf(2, 0)).isEqualTo(0);
    assertThat(ExponentialHistogramHandle.indexOf(4, 1)).isEqualTo(3);
    assertThat(ExponentialHistogramHandle.indexOf(8, -1)).isEqualTo(1);
  }

  @Test
  void wideRangeDownscalesToAtMost160Buckets() {
    ManualReader reader = new ManualReader(TemporalityPreference.DELTA, true);
    var histogram =
        SdkMeterProvider.create(Resource.empty(), MetricsConfig.defaults(), List.of(reader))
            .get("test", null)
            .instrument("latency")
            .doubleHistogram();
    for (int i = 1; i <= 1000; i++) {
      histogram.record(i * 0.001);
    }
    histogram.record(0);
    ExponentialHistogramPointData point =
        (ExponentialHistogramPointData) reader.collect("latency").points().get(0);
    assertThat(point.count()).isEqualTo(1001);
    assertThat(point.zeroCount()).isEqualTo(1);
    assertThat(point.positiveCounts().length).isLessThanOrEqualTo(160);
    assertThat(point.scale()).isLessThan(20);
    long inBuckets = 0;
    for (long count : point.positiveCounts()) {
      inBuckets += count;
    }
    assertThat(inBuckets).isEqualTo(1000);
    assertThat(point.min()).isEqualTo(0);
    assertThat(point.max()).isEqualTo(1.0);
    double base = Math.pow(2, Math.pow(2, -point.scale()));
    assertThat(Math.pow(base, point.positiveOffset())).isLessThan(0.001);
    assertThat(Math.pow(base, point.positiveOffset() + point.positiveCounts().length))
        .isGreaterThanOrEqualTo(1.0);
  }
}
