package dev.weft.sdk.trace.samplers;

import dev.weft.bootstrap.context.Context;
import dev.weft.core.api.common.Attributes;
import dev.weft.core.api.trace.SpanKind;
import dev.weft.sdk.trace.data.LinkData;
import java.util.List;

/**
 * Decides, when a span starts, whether it records and whether it is sampled (exported).
 *
 * <p>Called on the application thread for every span, so implementations must be thread-safe, fast
 * and must not block or throw. The built-in samplers allocate nothing.
 */
public interface Sampler {

  /** Samples every span. */
  static Sampler alwaysOn() {
    return AlwaysOnSampler.INSTANCE;
  }

  /** Drops every span. */
  static Sampler alwaysOff() {
    return AlwaysOffSampler.INSTANCE;
  }

  /**
   * Samples a fraction {@code ratio} (in [0, 1]) of traces, deciding from the trace id alone so
   * that every service using the same ratio makes the same decision for a trace.
   */
  static Sampler traceIdRatioBased(double ratio) {
    return TraceIdRatioBasedSampler.create(ratio);
  }

  /** Follows the parent's decision; {@code root} decides for spans without a parent. */
  static Sampler parentBased(Sampler root) {
    return parentBasedBuilder(root).build();
  }

  /** A parent-based sampler whose four parent slots can be replaced. */
  static ParentBasedSampler.Builder parentBasedBuilder(Sampler root) {
    return ParentBasedSampler.builder(root);
  }

  /**
   * The decision for a span about to start.
   *
   * @param parentContext the context holding the parent span, {@link Context#root()} for a new
   *     trace
   * @param traceIdHigh the upper 64 bits of the span's trace id (the parent's, or a new one)
   * @param traceIdLow the lower 64 bits
   * @param attributes the attributes set on the builder; {@link Attributes#empty()} when {@link
   *     #readsAttributes()} is false
   * @param parentLinks the links added on the builder (never null, do not modify)
   */
  SamplingResult shouldSample(
      Context parentContext,
      long traceIdHigh,
      long traceIdLow,
      String name,
      SpanKind kind,
      Attributes attributes,
      List<LinkData> parentLinks);

  /** A short description, in the official SDK's format, e.g. {@code AlwaysOnSampler}. */
  String description();

  /**
   * Whether {@link #shouldSample} looks at the span's start attributes. When false the tracer skips
   * copying them for the sampler, so an unsampled span with start attributes allocates less.
   */
  default boolean readsAttributes() {
    return true;
  }
}
