package dev.weft.sdk.trace;

import dev.weft.sdk.resources.Resource;
import dev.weft.sdk.trace.samplers.Sampler;

/** What every tracer, builder and span of one provider shares. Thread-safe. */
final class TracerSharedState {

  private final Resource resource;
  private final Sampler sampler;
  private final SpanLimits limits;
  private final IdGenerator ids;
  private final SpanProcessor processor;
  private volatile boolean shutdown;

  TracerSharedState(
      Resource resource,
      Sampler sampler,
      SpanLimits limits,
      IdGenerator ids,
      SpanProcessor processor) {
    this.resource = resource;
    this.sampler = sampler;
    this.limits = limits;
    this.ids = ids;
    this.processor = processor;
  }

  Resource resource() {
    return resource;
  }

  Sampler sampler() {
    return sampler;
  }

  SpanLimits limits() {
    return limits;
  }

  IdGenerator ids() {
    return ids;
  }

  SpanProcessor processor() {
    return processor;
  }

  boolean isShutdown() {
    return shutdown;
  }

  void markShutdown() {
    shutdown = true;
  }
}
