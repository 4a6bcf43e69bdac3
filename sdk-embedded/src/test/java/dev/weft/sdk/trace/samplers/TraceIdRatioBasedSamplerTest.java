package dev.weft.sdk.trace.samplers;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.weft.bootstrap.context.Context;
import dev.weft.core.api.common.Attributes;
import dev.weft.core.api.trace.SpanContext;
import dev.weft.core.api.trace.SpanKind;
import io.opentelemetry.sdk.trace.data.LinkData;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Weft's ratio sampler against the official SDK's: the same decision for every trace id. */
class TraceIdRatioBasedSamplerTest {

  private static final double[] RATIOS = {
    0.0,
    1.0,
    0.5,
    0.25,
    0.1,
    0.01,
    0.001,
    1e-6,
    1e-9,
    1e-15,
    Double.MIN_VALUE,
    Math.nextDown(1.0),
    Math.nextUp(0.0),
    0.3333333333333333,
    0.75,
    0.9999,
    Math.nextUp(0.5),
    Math.nextDown(0.5)
  };

  private static final long[] EDGE_IDS = {
    0L,
    1L,
    -1L,
    Long.MAX_VALUE,
    Long.MIN_VALUE,
    Long.MAX_VALUE - 1,
    Long.MIN_VALUE + 1,
    Long.MAX_VALUE / 2,
    Long.MAX_VALUE / 2 + 1,
    -(Long.MAX_VALUE / 2),
    -(Long.MAX_VALUE / 2) - 1,
    Long.MAX_VALUE / 4,
    4611686018427387904L // 2^62
  };

  @Test
  void decisionsMatchTheOfficialSamplerForRandomAndEdgeIds() {
    SplittableRandom random = new SplittableRandom(20261125L);
    List<Double> ratios = new ArrayList<>();
    for (double ratio : RATIOS) {
      ratios.add(ratio);
    }
    for (int i = 0; i < 40; i++) {
      ratios.add(random.nextDouble());
    }
    for (double ratio : ratios) {
      Sampler weft = Sampler.traceIdRatioBased(ratio);
      io.opentelemetry.sdk.trace.samplers.Sampler official =
          io.opentelemetry.sdk.trace.samplers.Sampler.traceIdRatioBased(ratio);
      for (long low : EDGE_IDS) {
        assertSameDecision(weft, official, random.nextLong(), low, ratio);
        assertSameDecision(weft, official, 0L, low, ratio);
      }
      // Ids near the bound, where rounding would show first.
      long bound = TraceIdRatioBasedSampler.boundFor(ratio);
      for (long delta = -3; delta <= 3; delta++) {
        assertSameDecision(weft, official, 1L, bound + delta, ratio);
        assertSameDecision(weft, official, 1L, -(bound + delta), ratio);
      }
      for (int i = 0; i < 5_000; i++) {
        assertSameDecision(weft, official, random.nextLong(), random.nextLong(), ratio);
      }
    }
  }

  @Test
  void ratioSamplesRoughlyThatFraction() {
    Sampler sampler = Sampler.traceIdRatioBased(0.25);
    SplittableRandom random = new SplittableRandom(7);
    int sampled = 0;
    for (int i = 0; i < 100_000; i++) {
      if (decide(sampler, random.nextLong(), nonZero(random))
          == SamplingDecision.RECORD_AND_SAMPLE) {
        sampled++;
      }
    }
    assertThat(sampled).isBetween(24_000, 26_000);
  }

  @ParameterizedTest
  @ValueSource(doubles = {0.0, 0.25, 0.5, 1.0, 1e-9, 0.123456789})
  void descriptionMatchesTheOfficialFormat(double ratio) {
    assertThat(Sampler.traceIdRatioBased(ratio).description())
        .isEqualTo(
            io.opentelemetry.sdk.trace.samplers.Sampler.traceIdRatioBased(ratio).getDescription());
  }

  @Test
  void descriptionOfAQuarter() {
    assertThat(Sampler.traceIdRatioBased(0.25).description())
        .isEqualTo("TraceIdRatioBased{0.250000}");
    assertThat(Sampler.traceIdRatioBased(0.25)).hasToString("TraceIdRatioBased{0.250000}");
  }

  @ParameterizedTest
  @ValueSource(doubles = {-0.1, 1.1, Double.NaN, Double.POSITIVE_INFINITY})
  void ratiosOutsideZeroToOneAreRejected(double ratio) {
    assertThatThrownBy(() -> Sampler.traceIdRatioBased(ratio))
        .isInstanceOf(IllegalArgumentException.class);
  }

  private static void assertSameDecision(
      Sampler weft,
      io.opentelemetry.sdk.trace.samplers.Sampler official,
      long high,
      long low,
      double ratio) {
    SamplingDecision expected = officialDecision(official, high, low);
    assertThat(decide(weft, high, low))
        .as("ratio %s, trace id %s", ratio, hex(high, low))
        .isEqualTo(expected);
  }

  static SamplingDecision decide(Sampler sampler, long high, long low) {
    return sampler
        .shouldSample(
            Context.root(),
            high,
            low,
            "span",
            SpanKind.INTERNAL,
            Attributes.empty(),
            Collections.emptyList())
        .decision();
  }

  static SamplingDecision officialDecision(
      io.opentelemetry.sdk.trace.samplers.Sampler official, long high, long low) {
    List<LinkData> noLinks = Collections.emptyList();
    io.opentelemetry.sdk.trace.samplers.SamplingDecision decision =
        official
            .shouldSample(
                io.opentelemetry.context.Context.root(),
                hex(high, low),
                "span",
                io.opentelemetry.api.trace.SpanKind.INTERNAL,
                io.opentelemetry.api.common.Attributes.empty(),
                noLinks)
            .getDecision();
    return SamplingDecision.valueOf(decision.name());
  }

  static String hex(long high, long low) {
    char[] out = new char[32];
    SpanContext.writeHex(high, out, 0);
    SpanContext.writeHex(low, out, 16);
    return new String(out);
  }

  private static long nonZero(SplittableRandom random) {
    long value;
    do {
      value = random.nextLong();
    } while (value == 0);
    return value;
  }
}
