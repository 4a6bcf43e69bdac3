package dev.weft.sdk.trace;

import dev.weft.bootstrap.context.Context;
import dev.weft.core.api.common.AttributeKey;
import dev.weft.core.api.common.Attributes;
import dev.weft.core.api.trace.Span;
import dev.weft.core.api.trace.SpanBuilder;
import dev.weft.core.api.trace.SpanContext;
import dev.weft.core.api.trace.SpanKind;
import dev.weft.core.api.trace.TraceState;
import dev.weft.sdk.common.InstrumentationScope;
import dev.weft.sdk.trace.data.LinkData;
import dev.weft.sdk.trace.samplers.Sampler;
import dev.weft.sdk.trace.samplers.SamplingDecision;
import dev.weft.sdk.trace.samplers.SamplingResult;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * Builds one span: picks the parent, creates ids, asks the sampler. A dropped span is the API's
 * tiny non-recording span carrying the new span context: nothing else is allocated for it (start
 * attributes and links, if any were set, were already held by this builder).
 */
final class SdkSpanBuilder implements SpanBuilder {

  private final TracerSharedState shared;
  private final InstrumentationScope scope;
  private final String name;
  private Context parent;
  private boolean noParent;
  private SpanKind kind = SpanKind.INTERNAL;
  private SpanAttributes attributes;
  private List<LinkData> links;
  private int droppedLinks;
  private long startEpochNanos;

  SdkSpanBuilder(TracerSharedState shared, InstrumentationScope scope, String name) {
    this.shared = shared;
    this.scope = scope;
    this.name = name;
  }

  @Override
  public SpanBuilder setParent(Context context) {
    if (context != null) {
      parent = context;
      noParent = false;
    }
    return this;
  }

  @Override
  public SpanBuilder setNoParent() {
    noParent = true;
    parent = null;
    return this;
  }

  @Override
  public SpanBuilder setSpanKind(SpanKind spanKind) {
    if (spanKind != null) {
      kind = spanKind;
    }
    return this;
  }

  @Override
  public <T> SpanBuilder setAttribute(AttributeKey<T> key, T value) {
    if (key == null || value == null || key.name().isEmpty()) {
      return this;
    }
    if (attributes == null) {
      SpanLimits limits = shared.limits();
      attributes =
          new SpanAttributes(limits.attributeCountLimit(), limits.attributeValueLengthLimit());
    }
    attributes.put(key, value);
    return this;
  }

  @Override
  public SpanBuilder addLink(SpanContext linked, Attributes linkAttributes) {
    if (linked == null || !linked.isValid()) {
      return this;
    }
    SpanLimits limits = shared.limits();
    if (links == null) {
      links = new ArrayList<>(Math.min(4, limits.linkCountLimit()));
    }
    if (links.size() >= limits.linkCountLimit()) {
      droppedLinks++;
      return this;
    }
    Attributes given = linkAttributes == null ? Attributes.empty() : linkAttributes;
    int countLimit = limits.linkAttributeCountLimit();
    Attributes limited =
        SpanAttributes.limit(given, countLimit, limits.attributeValueLengthLimit());
    links.add(new LinkData(linked, limited, Math.max(0, given.size() - countLimit)));
    return this;
  }

  @Override
  public SpanBuilder setStartTimestamp(long epochNanos) {
    if (epochNanos > 0) {
      startEpochNanos = epochNanos;
    }
    return this;
  }

  @Override
  public Span startSpan() {
    Context parentContext = noParent ? Context.root() : parent == null ? Context.current() : parent;
    SpanContext parentSpanContext = Span.fromContext(parentContext).spanContext();
    if (shared.isShutdown()) {
      return Span.wrap(parentSpanContext); // as the no-op tracer does: pass the trace through
    }
    IdGenerator ids = shared.ids();
    long traceIdHigh;
    long traceIdLow;
    if (parentSpanContext.isValid()) {
      traceIdHigh = parentSpanContext.traceIdHigh();
      traceIdLow = parentSpanContext.traceIdLow();
    } else {
      traceIdHigh = ids.generateTraceIdHigh();
      traceIdLow = ids.generateTraceIdLow();
    }
    long spanId = ids.generateSpanId();
    List<LinkData> linkList = links == null ? Collections.emptyList() : links;
    Sampler sampler = shared.sampler();
    SamplingResult result =
        sampler.shouldSample(
            parentContext,
            traceIdHigh,
            traceIdLow,
            name,
            kind,
            attributes == null || !sampler.readsAttributes()
                ? Attributes.empty()
                : attributes.toAttributes(),
            linkList);
    SamplingDecision decision = result.decision();
    TraceState traceState = result.updatedTraceState(parentSpanContext.traceState());
    byte flags = decision == SamplingDecision.RECORD_AND_SAMPLE ? SpanContext.SAMPLED : 0;
    SpanContext spanContext =
        SpanContext.create(traceIdHigh, traceIdLow, spanId, flags, traceState);
    if (decision == SamplingDecision.DROP) {
      return Span.wrap(spanContext);
    }
    return startRecording(parentContext, parentSpanContext, spanContext, result.attributes());
  }

  private Span startRecording(
      Context parentContext,
      SpanContext parentSpanContext,
      SpanContext spanContext,
      Attributes samplerAttributes) {
    if (!samplerAttributes.isEmpty()) {
      if (attributes == null) {
        SpanLimits limits = shared.limits();
        attributes =
            new SpanAttributes(limits.attributeCountLimit(), limits.attributeValueLengthLimit());
      }
      attributes.putAll(samplerAttributes);
    }
    SdkSpan span =
        new SdkSpan(
            shared,
            scope,
            name,
            kind,
            spanContext,
            parentSpanContext,
            attributes,
            links == null ? null : Collections.unmodifiableList(links),
            droppedLinks,
            startEpochNanos);
    shared.processor().onStart(parentContext, span);
    return span;
  }
}
