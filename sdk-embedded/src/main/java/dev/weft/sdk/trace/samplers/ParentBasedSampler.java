package dev.weft.sdk.trace.samplers;

import dev.weft.bootstrap.context.Context;
import dev.weft.core.api.common.Attributes;
import dev.weft.core.api.trace.Span;
import dev.weft.core.api.trace.SpanContext;
import dev.weft.core.api.trace.SpanKind;
import dev.weft.sdk.trace.data.LinkData;
import java.util.List;

/**
 * {@code parentbased_*}: a span with a valid parent follows one of four delegates chosen by whether
 * the parent is remote and sampled (by default: sampled parents are followed with always-on,
 * unsampled ones with always-off); a root span asks the root sampler.
 */
public final class ParentBasedSampler implements Sampler {

  private final Sampler root;
  private final Sampler remoteParentSampled;
  private final Sampler remoteParentNotSampled;
  private final Sampler localParentSampled;
  private final Sampler localParentNotSampled;
  private final boolean readsAttributes;
  private final String description;

  private ParentBasedSampler(Builder builder) {
    root = builder.root;
    remoteParentSampled = builder.remoteParentSampled;
    remoteParentNotSampled = builder.remoteParentNotSampled;
    localParentSampled = builder.localParentSampled;
    localParentNotSampled = builder.localParentNotSampled;
    readsAttributes =
        root.readsAttributes()
            || remoteParentSampled.readsAttributes()
            || remoteParentNotSampled.readsAttributes()
            || localParentSampled.readsAttributes()
            || localParentNotSampled.readsAttributes();
    description =
        "ParentBased{root:"
            + root.description()
            + ",remoteParentSampled:"
            + remoteParentSampled.description()
            + ",remoteParentNotSampled:"
            + remoteParentNotSampled.description()
            + ",localParentSampled:"
            + localParentSampled.description()
            + ",localParentNotSampled:"
            + localParentNotSampled.description()
            + "}";
  }

  static Builder builder(Sampler root) {
    return new Builder(root);
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
    SpanContext parent = Span.fromContext(parentContext).spanContext();
    Sampler delegate;
    if (!parent.isValid()) {
      delegate = root;
    } else if (parent.isRemote()) {
      delegate = parent.isSampled() ? remoteParentSampled : remoteParentNotSampled;
    } else {
      delegate = parent.isSampled() ? localParentSampled : localParentNotSampled;
    }
    return delegate.shouldSample(
        parentContext, traceIdHigh, traceIdLow, name, kind, attributes, parentLinks);
  }

  @Override
  public String description() {
    return description;
  }

  @Override
  public boolean readsAttributes() {
    return readsAttributes;
  }

  @Override
  public String toString() {
    return description;
  }

  /** Replaces the delegates for spans with a parent; unset slots keep their defaults. */
  public static final class Builder {
    private final Sampler root;
    private Sampler remoteParentSampled = Sampler.alwaysOn();
    private Sampler remoteParentNotSampled = Sampler.alwaysOff();
    private Sampler localParentSampled = Sampler.alwaysOn();
    private Sampler localParentNotSampled = Sampler.alwaysOff();

    private Builder(Sampler root) {
      this.root = requireNonNull(root);
    }

    public Builder remoteParentSampled(Sampler sampler) {
      remoteParentSampled = requireNonNull(sampler);
      return this;
    }

    public Builder remoteParentNotSampled(Sampler sampler) {
      remoteParentNotSampled = requireNonNull(sampler);
      return this;
    }

    public Builder localParentSampled(Sampler sampler) {
      localParentSampled = requireNonNull(sampler);
      return this;
    }

    public Builder localParentNotSampled(Sampler sampler) {
      localParentNotSampled = requireNonNull(sampler);
      return this;
    }

    public ParentBasedSampler build() {
      return new ParentBasedSampler(this);
    }

    private static Sampler requireNonNull(Sampler sampler) {
      if (sampler == null) {
        throw new NullPointerException("sampler");
      }
      return sampler;
    }
  }
}
