package dev.weft.sdk.trace.samplers;

import dev.weft.bootstrap.context.Context;
import dev.weft.core.api.common.Attributes;
import dev.weft.core.api.trace.SpanKind;
import dev.weft.sdk.trace.data.LinkData;
import java.util.List;

/** {@code always_off}: drops every span. */
enum AlwaysOffSampler implements Sampler {
  INSTANCE;

  @Override
  public SamplingResult shouldSample(
      Context parentContext,
      long traceIdHigh,
      long traceIdLow,
      String name,
      SpanKind kind,
      Attributes attributes,
      List<LinkData> parentLinks) {
    return FixedSamplingResult.DROP;
  }

  @Override
  public String description() {
    return "AlwaysOffSampler";
  }

  @Override
  public boolean readsAttributes() {
    return false;
  }

  @Override
  public String toString() {
    return description();
  }
}
