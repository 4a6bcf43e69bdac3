package dev.weft.sdk.trace.export;

import dev.weft.bootstrap.context.Context;
import dev.weft.core.api.common.Attributes;
import dev.weft.core.api.trace.SpanKind;
import dev.weft.sdk.trace.data.LinkData;
import dev.weft.sdk.trace.samplers.Sampler;
import dev.weft.sdk.trace.samplers.SamplingDecision;
import dev.weft.sdk.trace.samplers.SamplingResult;
import java.util.List;

/** Records every span but samples none. */
final class RecordOnlySampler implements Sampler {

  @Override
  public SamplingResult shouldSample(
      Context parentContext,
      long traceIdHigh,
      long traceIdLow,
      String name,
      SpanKind kind,
      Attributes attributes,
      List<LinkData> parentLinks) {
    return SamplingResult.of(SamplingDecision.RECORD_ONLY);
  }

  @Override
  public String description() {
    return "RecordOnly";
  }
}
