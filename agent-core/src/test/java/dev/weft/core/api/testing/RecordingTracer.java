package dev.weft.core.api.testing;

import dev.weft.bootstrap.context.Context;
import dev.weft.core.api.common.AttributeKey;
import dev.weft.core.api.common.Attributes;
import dev.weft.core.api.trace.Span;
import dev.weft.core.api.trace.SpanBuilder;
import dev.weft.core.api.trace.SpanContext;
import dev.weft.core.api.trace.SpanKind;
import dev.weft.core.api.trace.StatusCode;
import dev.weft.core.api.trace.TraceState;
import dev.weft.core.api.trace.Tracer;
import dev.weft.core.api.trace.TracerProvider;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Test-only tracer that keeps every span it starts, with the attributes set on the builder and on
 * the span, status, exceptions and whether it ended. Not an SDK: ids are sequential, sampling is a
 * flag.
 */
public final class RecordingTracer implements TracerProvider, Tracer {

  private final boolean sampled;
  private final AtomicLong ids = new AtomicLong();
  private final List<RecordedSpan> spans = new CopyOnWriteArrayList<>();
  private volatile String scopeName;

  private RecordingTracer(boolean sampled) {
    this.sampled = sampled;
  }

  /** Every span records. */
  public static RecordingTracer sampling() {
    return new RecordingTracer(true);
  }

  /** Every span is non-recording (but gets ids, as a real SDK's unsampled spans do). */
  public static RecordingTracer notSampling() {
    return new RecordingTracer(false);
  }

  @Override
  public Tracer get(String scopeName, String scopeVersion) {
    this.scopeName = scopeName;
    return this;
  }

  @Override
  public SpanBuilder spanBuilder(String spanName) {
    return new Builder(spanName);
  }

  public String scopeName() {
    return scopeName;
  }

  public List<RecordedSpan> spans() {
    return Collections.unmodifiableList(new ArrayList<>(spans));
  }

  /** The only span started so far. */
  public RecordedSpan onlySpan() {
    if (spans.size() != 1) {
      throw new AssertionError("expected exactly one span, got " + spans);
    }
    return spans.get(0);
  }

  private final class Builder implements SpanBuilder {
    private final String name;
    private final Map<AttributeKey<?>, Object> attributes = new LinkedHashMap<>();
    private Context parent;
    private boolean noParent;
    private SpanKind kind = SpanKind.INTERNAL;

    Builder(String name) {
      this.name = name;
    }

    @Override
    public SpanBuilder setParent(Context parent) {
      this.parent = parent;
      return this;
    }

    @Override
    public SpanBuilder setNoParent() {
      noParent = true;
      return this;
    }

    @Override
    public SpanBuilder setSpanKind(SpanKind kind) {
      this.kind = kind;
      return this;
    }

    @Override
    public <T> SpanBuilder setAttribute(AttributeKey<T> key, T value) {
      if (value == null) {
        throw new AssertionError("null value for " + key);
      }
      attributes.put(key, value);
      return this;
    }

    @Override
    public SpanBuilder addLink(SpanContext linked, Attributes attributes) {
      return this;
    }

    @Override
    public SpanBuilder setStartTimestamp(long epochNanos) {
      return this;
    }

    @Override
    public Span startSpan() {
      SpanContext parentContext =
          noParent
              ? SpanContext.invalid()
              : Span.fromContext(parent == null ? Context.current() : parent).spanContext();
      long traceHigh = parentContext.isValid() ? parentContext.traceIdHigh() : 1;
      long traceLow = parentContext.isValid() ? parentContext.traceIdLow() : ids.incrementAndGet();
      SpanContext context =
          SpanContext.create(
              traceHigh,
              traceLow,
              ids.incrementAndGet(),
              sampled ? SpanContext.SAMPLED : 0,
              TraceState.empty());
      RecordedSpan span = new RecordedSpan(name, kind, context, parentContext, sampled, attributes);
      spans.add(span);
      return span;
    }
  }

  /** One started span, as the code under test left it. */
  public static final class RecordedSpan implements Span {
    private final SpanKind kind;
    private final SpanContext context;
    private final SpanContext parent;
    private final boolean recording;
    private final Map<AttributeKey<?>, Object> startAttributes;
    private final Map<AttributeKey<?>, Object> attributes;
    private final List<Throwable> exceptions = new ArrayList<>();
    private volatile String name;
    private volatile StatusCode status = StatusCode.UNSET;
    private volatile String statusDescription;
    private volatile int endCount;

    RecordedSpan(
        String name,
        SpanKind kind,
        SpanContext context,
        SpanContext parent,
        boolean recording,
        Map<AttributeKey<?>, Object> startAttributes) {
      this.name = name;
      this.kind = kind;
      this.context = context;
      this.parent = parent;
      this.recording = recording;
      this.startAttributes = Collections.unmodifiableMap(new LinkedHashMap<>(startAttributes));
      this.attributes = Collections.synchronizedMap(new LinkedHashMap<>(startAttributes));
    }

    public String name() {
      return name;
    }

    public SpanKind kind() {
      return kind;
    }

    public SpanContext parent() {
      return parent;
    }

    /** The attributes given to the span builder: what a sampler would have seen. */
    public Map<AttributeKey<?>, Object> startAttributes() {
      return startAttributes;
    }

    /** Every attribute, start and end. */
    public Map<AttributeKey<?>, Object> attributes() {
      synchronized (attributes) {
        return Collections.unmodifiableMap(new LinkedHashMap<>(attributes));
      }
    }

    public <T> T attribute(AttributeKey<T> key) {
      @SuppressWarnings("unchecked")
      T value = (T) attributes.get(key);
      return value;
    }

    public StatusCode status() {
      return status;
    }

    public String statusDescription() {
      return statusDescription;
    }

    public List<Throwable> exceptions() {
      return Collections.unmodifiableList(new ArrayList<>(exceptions));
    }

    public boolean ended() {
      return endCount > 0;
    }

    public int endCount() {
      return endCount;
    }

    @Override
    public SpanContext spanContext() {
      return context;
    }

    @Override
    public boolean isRecording() {
      return recording && endCount == 0;
    }

    @Override
    public <T> Span setAttribute(AttributeKey<T> key, T value) {
      if (value == null) {
        throw new AssertionError("null value for " + key);
      }
      attributes.put(key, value);
      return this;
    }

    @Override
    public Span addEvent(String eventName, Attributes eventAttributes) {
      return this;
    }

    @Override
    public Span recordException(Throwable exception, Attributes additional) {
      exceptions.add(exception);
      return this;
    }

    @Override
    public Span setStatus(StatusCode code, String description) {
      status = code;
      statusDescription = description;
      return this;
    }

    @Override
    public Span updateName(String newName) {
      name = newName;
      return this;
    }

    @Override
    public void end() {
      endCount++;
    }

    @Override
    public void end(long epochNanos) {
      endCount++;
    }

    @Override
    public String toString() {
      return "RecordedSpan{" + name + ", " + kind + ", " + context + ", " + attributes + "}";
    }
  }
}
