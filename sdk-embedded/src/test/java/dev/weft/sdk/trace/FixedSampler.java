package dev.weft.sdk.trace;

import dev.weft.bootstrap.context.Context;
import dev.weft.core.api.common.Attributes;
import dev.weft.core.api.trace.SpanKind;
import dev.weft.sdk.trace.data.LinkData;
import dev.weft.sdk.trace.samplers.Sampler;
import dev.weft.sdk.trace.samplers.SamplingDecision;
import dev.weft.sdk.trace.samplers.SamplingResult;
import java.util.List;

/** Always answers the same decision and remembers the attributes it was shown. */
class FixedSampler implements Sampler {

  private final SamplingResult result;
  volatile Attributes seenAttributes;

  FixedSampler(SamplingDecision decision) {
    this(SamplingResult.of(decision));
  }

  FixedSampler(SamplingResult result) {
    this.result = result;
  }

  @Override
  public SamplingResult shouldSample(
      Context parentContext,
      long traceIdHigh,
      long traceIdLow,
      String name,
      SpanKind kind,
      Attributes attributes,
      List<LinkData> parentLinks) {
    seenAttributes = attributes;
    return result;
  }

  @Override
  public String description() {
    return "FixedSampler{" + result + "}";
  }
}
