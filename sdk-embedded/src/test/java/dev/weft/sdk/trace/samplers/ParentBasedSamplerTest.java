package dev.weft.sdk.trace.samplers;

import static org.assertj.core.api.Assertions.assertThat;

import dev.weft.bootstrap.context.Context;
import dev.weft.core.api.common.Attributes;
import dev.weft.core.api.trace.Span;
import dev.weft.core.api.trace.SpanContext;
import dev.weft.core.api.trace.SpanKind;
import dev.weft.core.api.trace.TraceState;
import io.opentelemetry.api.trace.TraceFlags;
import io.opentelemetry.sdk.trace.data.LinkData;
import java.util.Collections;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ParentBasedSamplerTest {

  private enum Parent {
    NONE,
    REMOTE_SAMPLED,
    REMOTE_UNSAMPLED,
    LOCAL_SAMPLED,
    LOCAL_UNSAMPLED
  }

  @ParameterizedTest
  @CsvSource({
    "NONE, RECORD_AND_SAMPLE",
    "REMOTE_SAMPLED, RECORD_AND_SAMPLE",
    "REMOTE_UNSAMPLED, DROP",
    "LOCAL_SAMPLED, RECORD_AND_SAMPLE",
    "LOCAL_UNSAMPLED, DROP"
  })
  void defaultSlotsFollowTheParent(Parent parent, SamplingDecision expected) {
    Sampler sampler = Sampler.parentBased(Sampler.alwaysOn());
    assertThat(decide(sampler, parent, 1L, 2L)).isEqualTo(expected);
  }

  @Test
  void rootSamplerDecidesOnlyWithoutAParent() {
    Sampler sampler = Sampler.parentBased(Sampler.alwaysOff());
    assertThat(decide(sampler, Parent.NONE, 1, 2)).isEqualTo(SamplingDecision.DROP);
    assertThat(decide(sampler, Parent.REMOTE_SAMPLED, 1, 2))
        .isEqualTo(SamplingDecision.RECORD_AND_SAMPLE);
  }

  @Test
  void eachOfTheFourSlotsCanBeReplaced() {
    Sampler sampler =
        Sampler.parentBasedBuilder(Sampler.alwaysOff())
            .remoteParentSampled(Sampler.alwaysOff())
            .remoteParentNotSampled(Sampler.alwaysOn())
            .localParentSampled(Sampler.alwaysOff())
            .localParentNotSampled(Sampler.alwaysOn())
            .build();
    assertThat(decide(sampler, Parent.REMOTE_SAMPLED, 1, 2)).isEqualTo(SamplingDecision.DROP);
    assertThat(decide(sampler, Parent.REMOTE_UNSAMPLED, 1, 2))
        .isEqualTo(SamplingDecision.RECORD_AND_SAMPLE);
    assertThat(decide(sampler, Parent.LOCAL_SAMPLED, 1, 2)).isEqualTo(SamplingDecision.DROP);
    assertThat(decide(sampler, Parent.LOCAL_UNSAMPLED, 1, 2))
        .isEqualTo(SamplingDecision.RECORD_AND_SAMPLE);
    assertThat(sampler.description())
        .isEqualTo(
            io.opentelemetry.sdk.trace.samplers.Sampler.parentBasedBuilder(
                    io.opentelemetry.sdk.trace.samplers.Sampler.alwaysOff())
                .setRemoteParentSampled(io.opentelemetry.sdk.trace.samplers.Sampler.alwaysOff())
                .setRemoteParentNotSampled(io.opentelemetry.sdk.trace.samplers.Sampler.alwaysOn())
                .setLocalParentSampled(io.opentelemetry.sdk.trace.samplers.Sampler.alwaysOff())
                .setLocalParentNotSampled(io.opentelemetry.sdk.trace.samplers.Sampler.alwaysOn())
                .build()
                .getDescription());
  }

  @Test
  void parentBasedRatioMatchesTheOfficialSamplerForEveryKindOfParent() {
    SplittableRandom random = new SplittableRandom(42);
    for (double ratio : new double[] {0.0, 0.1, 0.5, 1.0}) {
      Sampler weft = Sampler.parentBased(Sampler.traceIdRatioBased(ratio));
      io.opentelemetry.sdk.trace.samplers.Sampler official =
          io.opentelemetry.sdk.trace.samplers.Sampler.parentBased(
              io.opentelemetry.sdk.trace.samplers.Sampler.traceIdRatioBased(ratio));
      assertThat(weft.description()).isEqualTo(official.getDescription());
      for (Parent parent : Parent.values()) {
        for (int i = 0; i < 2_000; i++) {
          long high = random.nextLong();
          long low = random.nextLong() | 1; // a valid id
          assertThat(decide(weft, parent, high, low))
              .as("%s ratio %s", parent, ratio)
              .isEqualTo(officialDecision(official, parent, high, low));
        }
      }
    }
  }

  @Test
  void descriptionsMatchTheOfficialOnes() {
    assertThat(Sampler.alwaysOn().description())
        .isEqualTo(io.opentelemetry.sdk.trace.samplers.Sampler.alwaysOn().getDescription());
    assertThat(Sampler.alwaysOff().description())
        .isEqualTo(io.opentelemetry.sdk.trace.samplers.Sampler.alwaysOff().getDescription());
    assertThat(Sampler.parentBased(Sampler.alwaysOn()).description())
        .isEqualTo(
            io.opentelemetry.sdk.trace.samplers.Sampler.parentBased(
                    io.opentelemetry.sdk.trace.samplers.Sampler.alwaysOn())
                .getDescription())
        .startsWith("ParentBased{root:AlwaysOnSampler,remoteParentSampled:AlwaysOnSampler,");
  }

  @Test
  void readsAttributesOnlyWhenADelegateDoes() {
    assertThat(Sampler.parentBased(Sampler.alwaysOn()).readsAttributes()).isFalse();
    Sampler custom = new AttributeReadingSampler();
    assertThat(Sampler.parentBased(custom).readsAttributes()).isTrue();
    assertThat(
            Sampler.parentBasedBuilder(Sampler.alwaysOn())
                .localParentNotSampled(custom)
                .build()
                .readsAttributes())
        .isTrue();
  }

  private static SamplingDecision decide(Sampler sampler, Parent parent, long high, long low) {
    return sampler
        .shouldSample(
            weftParent(parent, high, low),
            high,
            low,
            "span",
            SpanKind.SERVER,
            Attributes.empty(),
            Collections.emptyList())
        .decision();
  }

  private static Context weftParent(Parent parent, long high, long low) {
    if (parent == Parent.NONE) {
      return Context.root();
    }
    byte flags = sampled(parent) ? SpanContext.SAMPLED : 0;
    SpanContext context =
        remote(parent)
            ? SpanContext.createFromRemoteParent(high, low, 99L, flags, TraceState.empty())
            : SpanContext.create(high, low, 99L, flags, TraceState.empty());
    return Span.wrap(context).storeInContext(Context.root());
  }

  private static SamplingDecision officialDecision(
      io.opentelemetry.sdk.trace.samplers.Sampler official, Parent parent, long high, long low) {
    String traceId = TraceIdRatioBasedSamplerTest.hex(high, low);
    io.opentelemetry.context.Context context = io.opentelemetry.context.Context.root();
    if (parent != Parent.NONE) {
      TraceFlags flags = sampled(parent) ? TraceFlags.getSampled() : TraceFlags.getDefault();
      String spanId = "0000000000000063";
      io.opentelemetry.api.trace.TraceState state =
          io.opentelemetry.api.trace.TraceState.getDefault();
      io.opentelemetry.api.trace.SpanContext spanContext =
          remote(parent)
              ? io.opentelemetry.api.trace.SpanContext.createFromRemoteParent(
                  traceId, spanId, flags, state)
              : io.opentelemetry.api.trace.SpanContext.create(traceId, spanId, flags, state);
      context = io.opentelemetry.api.trace.Span.wrap(spanContext).storeInContext(context);
    }
    List<LinkData> noLinks = Collections.emptyList();
    return SamplingDecision.valueOf(
        official
            .shouldSample(
                context,
                traceId,
                "span",
                io.opentelemetry.api.trace.SpanKind.SERVER,
                io.opentelemetry.api.common.Attributes.empty(),
                noLinks)
            .getDecision()
            .name());
  }

  private static boolean sampled(Parent parent) {
    return parent == Parent.REMOTE_SAMPLED || parent == Parent.LOCAL_SAMPLED;
  }

  private static boolean remote(Parent parent) {
    return parent == Parent.REMOTE_SAMPLED || parent == Parent.REMOTE_UNSAMPLED;
  }

  private static final class AttributeReadingSampler implements Sampler {
    @Override
    public SamplingResult shouldSample(
        Context parentContext,
        long traceIdHigh,
        long traceIdLow,
        String name,
        SpanKind kind,
        Attributes attributes,
        List<dev.weft.sdk.trace.data.LinkData> parentLinks) {
      return SamplingResult.of(SamplingDecision.RECORD_AND_SAMPLE);
    }

    @Override
    public String description() {
      return "AttributeReading";
    }
  }
}
