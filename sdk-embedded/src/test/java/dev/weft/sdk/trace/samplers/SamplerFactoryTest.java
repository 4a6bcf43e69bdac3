package dev.weft.sdk.trace.samplers;

import static org.assertj.core.api.Assertions.assertThat;

import dev.weft.sdk.testing.LogCapture;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class SamplerFactoryTest {

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "always_on | AlwaysOnSampler",
        "always_off | AlwaysOffSampler",
        "traceidratio | TraceIdRatioBased{0.250000}",
        "parentbased_always_on | ParentBased{root:AlwaysOnSampler,remoteParentSampled:AlwaysOnSampler,"
            + "remoteParentNotSampled:AlwaysOffSampler,localParentSampled:AlwaysOnSampler,"
            + "localParentNotSampled:AlwaysOffSampler}",
        "parentbased_always_off | ParentBased{root:AlwaysOffSampler,remoteParentSampled:AlwaysOnSampler,"
            + "remoteParentNotSampled:AlwaysOffSampler,localParentSampled:AlwaysOnSampler,"
            + "localParentNotSampled:AlwaysOffSampler}",
        "parentbased_traceidratio | ParentBased{root:TraceIdRatioBased{0.250000},"
            + "remoteParentSampled:AlwaysOnSampler,remoteParentNotSampled:AlwaysOffSampler,"
            + "localParentSampled:AlwaysOnSampler,localParentNotSampled:AlwaysOffSampler}"
      })
  void namesGiveTheOfficialSamplers(String name, String description) {
    try (LogCapture log = LogCapture.start()) {
      assertThat(SamplerFactory.create(name, 0.25).description()).isEqualTo(description);
      assertThat(SamplerFactory.effectiveName(name)).isEqualTo(name);
      assertThat(log.lines()).isEmpty();
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {"jaeger_remote", "parentbased_jaeger_remote"})
  void jaegerRemoteFallsBackToParentBasedAlwaysOnWithOneWarning(String name) {
    try (LogCapture log = LogCapture.start()) {
      Sampler sampler = SamplerFactory.create(name, 1.0);
      assertThat(sampler.description())
          .isEqualTo(SamplerFactory.create("parentbased_always_on", 1.0).description());
      assertThat(SamplerFactory.effectiveName(name)).isEqualTo("parentbased_always_on");
      assertThat(log.lines())
          .singleElement()
          .asString()
          .contains("WARN", "otel.traces.sampler", "OTEL_TRACES_SAMPLER", name)
          .contains("parentbased_always_on");
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {"unknown", ""})
  void unknownNamesGiveTheDefault(String name) {
    assertThat(SamplerFactory.create(name, 1.0).description())
        .startsWith("ParentBased{root:AlwaysOnSampler");
  }
}
