package dev.weft.sdk.trace.samplers;

/** What a {@link Sampler} decided for one span. */
public enum SamplingDecision {
  /** Not recorded, not exported: the span only carries its span context. */
  DROP,
  /** Recorded (processors see it) but not sampled, so not exported. */
  RECORD_ONLY,
  /** Recorded and exported; the sampled flag is set in its span context. */
  RECORD_AND_SAMPLE
}
