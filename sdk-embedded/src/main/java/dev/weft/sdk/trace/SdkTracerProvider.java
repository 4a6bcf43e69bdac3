package dev.weft.sdk.trace;

import dev.weft.bootstrap.WeftLogger;
import dev.weft.core.api.common.Attributes;
import dev.weft.core.api.trace.Tracer;
import dev.weft.core.api.trace.TracerProvider;
import dev.weft.sdk.common.InstrumentationScope;
import dev.weft.sdk.resources.Resource;
import dev.weft.sdk.trace.samplers.Sampler;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.TimeUnit;

/**
 * The SDK's tracer provider: one tracer per instrumentation scope (cached), sharing the resource,
 * sampler, limits, id generator and span processor. Thread-safe. After {@link #shutdown} tracers
 * create only non-recording spans that pass the parent's context through.
 */
public final class SdkTracerProvider implements TracerProvider {

  // Instrumentation scopes come from Weft's own modules, not from peers; the cap only guards
  // against an extension asking for a tracer per request.
  private static final int MAX_CACHED_TRACERS = 1024;
  private static final WeftLogger log = WeftLogger.get("sdk");

  private final TracerSharedState shared;
  private final ConcurrentMap<InstrumentationScope, SdkTracer> tracers = new ConcurrentHashMap<>();

  private SdkTracerProvider(TracerSharedState shared) {
    this.shared = shared;
  }

  public static Builder builder() {
    return new Builder();
  }

  @Override
  public Tracer get(String scopeName, String scopeVersion) {
    return get(scopeName, scopeVersion, null, null);
  }

  @Override
  public Tracer get(
      String scopeName, String scopeVersion, String schemaUrl, Attributes attributes) {
    InstrumentationScope scope =
        InstrumentationScope.of(
            scopeName == null ? "" : scopeName, scopeVersion, schemaUrl, attributes);
    SdkTracer tracer = tracers.get(scope);
    if (tracer != null) {
      return tracer;
    }
    if (tracers.size() >= MAX_CACHED_TRACERS) {
      log.warnEvery(
          "sdk-tracer-cache",
          60_000,
          "More than "
              + MAX_CACHED_TRACERS
              + " instrumentation scopes asked for tracers; new ones are no longer cached");
      return new SdkTracer(shared, scope);
    }
    return tracers.computeIfAbsent(scope, s -> new SdkTracer(shared, s));
  }

  public Resource resource() {
    return shared.resource();
  }

  public Sampler sampler() {
    return shared.sampler();
  }

  public SpanLimits spanLimits() {
    return shared.limits();
  }

  /** Exports every span ended so far, waiting at most {@code timeout}; true if done in time. */
  public boolean forceFlush(long timeout, TimeUnit unit) {
    return shared.processor().forceFlush(timeout, unit);
  }

  /**
   * Stops recording, then flushes and shuts the processors down within {@code timeout}. Only the
   * first call has an effect; later calls return true at once.
   */
  public boolean shutdown(long timeout, TimeUnit unit) {
    if (shared.isShutdown()) {
      return true;
    }
    shared.markShutdown();
    return shared.processor().shutdown(timeout, unit);
  }

  @Override
  public String toString() {
    return "SdkTracerProvider{sampler="
        + shared.sampler().description()
        + ", "
        + shared.limits()
        + ", processor="
        + shared.processor()
        + ", "
        + shared.resource()
        + "}";
  }

  /** Defaults: empty resource, parent-based always-on, default limits, random ids, no processor. */
  public static final class Builder {
    private Resource resource = Resource.empty();
    private Sampler sampler = Sampler.parentBased(Sampler.alwaysOn());
    private SpanLimits limits = SpanLimits.defaults();
    private IdGenerator ids = IdGenerator.random();
    private final List<SpanProcessor> processors = new ArrayList<>();

    private Builder() {}

    public Builder resource(Resource value) {
      resource = value;
      return this;
    }

    public Builder sampler(Sampler value) {
      sampler = value;
      return this;
    }

    public Builder spanLimits(SpanLimits value) {
      limits = value;
      return this;
    }

    public Builder idGenerator(IdGenerator value) {
      ids = value;
      return this;
    }

    /** Processors are called in the order added. */
    public Builder addSpanProcessor(SpanProcessor processor) {
      processors.add(processor);
      return this;
    }

    public SdkTracerProvider build() {
      SpanProcessor processor = SpanProcessor.composite(new ArrayList<>(processors));
      return new SdkTracerProvider(
          new TracerSharedState(resource, sampler, limits, ids, processor));
    }
  }
}
