package dev.weft.sdk.trace.samplers;

import dev.weft.core.api.common.Attributes;
import dev.weft.core.api.trace.TraceState;

/** A {@link Sampler}'s answer: the decision, attributes to add, and the trace state to carry. */
public interface SamplingResult {

  /** Shared, allocation-free results for the three decisions with no attributes. */
  static SamplingResult of(SamplingDecision decision) {
    switch (decision) {
      case RECORD_AND_SAMPLE:
        return FixedSamplingResult.RECORD_AND_SAMPLE;
      case RECORD_ONLY:
        return FixedSamplingResult.RECORD_ONLY;
      default:
        return FixedSamplingResult.DROP;
    }
  }

  /** A result that also adds {@code attributes} to the span when it records. */
  static SamplingResult of(SamplingDecision decision, Attributes attributes) {
    return attributes.isEmpty() ? of(decision) : new FixedSamplingResult(decision, attributes);
  }

  SamplingDecision decision();

  /** Attributes added to a recording span; empty by default. */
  default Attributes attributes() {
    return Attributes.empty();
  }

  /** The trace state of the new span; by default the parent's, unchanged. */
  default TraceState updatedTraceState(TraceState parentTraceState) {
    return parentTraceState;
  }
}
