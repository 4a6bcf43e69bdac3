package dev.weft.sdk.trace.samplers;

import dev.weft.bootstrap.context.Context;
import dev.weft.core.api.common.Attributes;
import dev.weft.core.api.trace.SpanKind;
import dev.weft.sdk.trace.data.LinkData;
import java.util.List;
import java.util.Locale;

/**
 * {@code traceidratio}: samples a fixed fraction of traces, deciding from the trace id alone.
 *
 * <p>The decision must match the official Java SDK's bit for bit, so that a trace crossing Weft and
 * OpenTelemetry SDK services at the same ratio is sampled everywhere or nowhere: the absolute value
 * of the trace id's lower 64 bits is compared, strictly, against {@code ratio * Long.MAX_VALUE}.
 * {@code TraceIdRatioBasedSamplerTest} checks this against the official sampler.
 */
final class TraceIdRatioBasedSampler implements Sampler {

  private final long bound;
  private final String description;

  private TraceIdRatioBasedSampler(double ratio) {
    this.bound = boundFor(ratio);
    this.description = String.format(Locale.ROOT, "TraceIdRatioBased{%.6f}", ratio);
  }

  static TraceIdRatioBasedSampler create(double ratio) {
    if (!(ratio >= 0.0 && ratio <= 1.0)) {
      throw new IllegalArgumentException("ratio must be in [0, 1], was " + ratio);
    }
    return new TraceIdRatioBasedSampler(ratio);
  }

  /**
   * The exclusive upper bound for {@code |traceIdLow|}. The ends are pinned rather than computed
   * through doubles: at 0 nothing may ever be sampled, not even the id whose absolute value is
   * {@code Long.MIN_VALUE} (it stays negative), hence {@code Long.MIN_VALUE}; at 1 the bound is
   * {@code Long.MAX_VALUE}, which leaves out only the two ids of absolute value {@code MAX_VALUE}.
   */
  static long boundFor(double ratio) {
    if (ratio == 0.0) {
      return Long.MIN_VALUE;
    }
    if (ratio == 1.0) {
      return Long.MAX_VALUE;
    }
    return (long) (ratio * Long.MAX_VALUE);
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
    return Math.abs(traceIdLow) < bound
        ? FixedSamplingResult.RECORD_AND_SAMPLE
        : FixedSamplingResult.DROP;
  }

  @Override
  public String description() {
    return description;
  }

  @Override
  public boolean readsAttributes() {
    return false;
  }

  @Override
  public String toString() {
    return description;
  }
}
