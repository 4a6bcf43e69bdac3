package dev.weft.sdk.trace.samplers;

import dev.weft.core.api.common.Attributes;

/** A decision with fixed attributes that keeps the parent's trace state. Immutable. */
final class FixedSamplingResult implements SamplingResult {

  static final FixedSamplingResult DROP =
      new FixedSamplingResult(SamplingDecision.DROP, Attributes.empty());
  static final FixedSamplingResult RECORD_ONLY =
      new FixedSamplingResult(SamplingDecision.RECORD_ONLY, Attributes.empty());
  static final FixedSamplingResult RECORD_AND_SAMPLE =
      new FixedSamplingResult(SamplingDecision.RECORD_AND_SAMPLE, Attributes.empty());

  private final SamplingDecision decision;
  private final Attributes attributes;

  FixedSamplingResult(SamplingDecision decision, Attributes attributes) {
    this.decision = decision;
    this.attributes = attributes;
  }

  @Override
  public SamplingDecision decision() {
    return decision;
  }

  @Override
  public Attributes attributes() {
    return attributes;
  }

  @Override
  public String toString() {
    return attributes.isEmpty() ? decision.name() : decision + attributes.toString();
  }
}
