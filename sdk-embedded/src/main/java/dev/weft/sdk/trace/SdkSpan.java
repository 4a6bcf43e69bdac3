package dev.weft.sdk.trace;

import dev.weft.core.api.common.AttributeKey;
import dev.weft.core.api.common.Attributes;
import dev.weft.core.api.trace.Span;
import dev.weft.core.api.trace.SpanContext;
import dev.weft.core.api.trace.SpanKind;
import dev.weft.core.api.trace.StatusCode;
import dev.weft.sdk.common.InstrumentationScope;
import dev.weft.sdk.resources.Resource;
import dev.weft.sdk.trace.data.EventData;
import dev.weft.sdk.trace.data.LinkData;
import dev.weft.sdk.trace.data.SpanData;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.atomic.AtomicIntegerFieldUpdater;

/**
 * A recording span, and (once ended) the data exporters read: no copy is made per span.
 *
 * <p>Threading: the thread that started the span (or one that took it over with proper hand-off,
 * such as an executor) modifies it; those fields are plain, confined to that thread. {@link #end}
 * may race from several threads: exactly one call wins (a CAS), later calls and later modifications
 * are ignored. The ended span reaches the export thread through the processor's queue, whose
 * publication makes every write before {@code end} visible there.
 *
 * <p>Attributes, events and links stay null until first used. Timestamps after the start come from
 * {@link System#nanoTime()} relative to the start, so durations are monotonic.
 */
public final class SdkSpan implements Span, SpanData {

  private static final AtomicIntegerFieldUpdater<SdkSpan> ENDED =
      AtomicIntegerFieldUpdater.newUpdater(SdkSpan.class, "ended");
  private static final AttributeKey<String> EXCEPTION_TYPE =
      AttributeKey.stringKey("exception.type");
  private static final AttributeKey<String> EXCEPTION_MESSAGE =
      AttributeKey.stringKey("exception.message");
  private static final AttributeKey<String> EXCEPTION_STACKTRACE =
      AttributeKey.stringKey("exception.stacktrace");

  private final TracerSharedState shared;
  private final InstrumentationScope scope;
  private final SpanContext spanContext;
  private final SpanContext parentSpanContext;
  private final SpanKind kind;
  private final long startEpochNanos;
  // 0 when the start time was given explicitly: later timestamps then come from the wall clock.
  private final long startNanoTime;
  private final List<LinkData> links;
  private final int droppedLinks;

  // Confined to the owning thread until end(); see the class comment.
  private String name;
  private SpanAttributes attributes;
  private ArrayList<EventData> events;
  private int droppedEvents;
  private StatusCode status = StatusCode.UNSET;
  private String statusDescription = "";
  private long endEpochNanos;
  // Built on first read after end (on the export thread), never on the application thread.
  private Attributes frozenAttributes;

  private volatile int ended;

  SdkSpan(
      TracerSharedState shared,
      InstrumentationScope scope,
      String name,
      SpanKind kind,
      SpanContext spanContext,
      SpanContext parentSpanContext,
      SpanAttributes attributes,
      List<LinkData> links,
      int droppedLinks,
      long explicitStartEpochNanos) {
    this.shared = shared;
    this.scope = scope;
    this.name = name;
    this.kind = kind;
    this.spanContext = spanContext;
    this.parentSpanContext = parentSpanContext;
    this.attributes = attributes;
    this.links = links;
    this.droppedLinks = droppedLinks;
    if (explicitStartEpochNanos > 0) {
      this.startEpochNanos = explicitStartEpochNanos;
      this.startNanoTime = 0;
    } else {
      this.startEpochNanos = epochNanosNow();
      this.startNanoTime = nanoTimeNonZero();
    }
  }

  // ---- Span ----

  @Override
  public SpanContext spanContext() {
    return spanContext;
  }

  @Override
  public boolean isRecording() {
    return ended == 0;
  }

  @Override
  public <T> Span setAttribute(AttributeKey<T> key, T value) {
    if (key == null || value == null || key.name().isEmpty() || ended != 0) {
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
  public Span addEvent(String eventName, Attributes eventAttributes) {
    if (eventName == null || ended != 0) {
      return this;
    }
    addEventAt(eventName, eventAttributes == null ? Attributes.empty() : eventAttributes, now());
    return this;
  }

  @Override
  public Span recordException(Throwable exception, Attributes additional) {
    if (exception == null || ended != 0) {
      return this;
    }
    long timestamp = now();
    Attributes.Builder builder = Attributes.builder();
    builder.put(EXCEPTION_TYPE, exception.getClass().getName());
    builder.put(EXCEPTION_MESSAGE, exception.getMessage());
    builder.put(EXCEPTION_STACKTRACE, StackTraces.of(exception));
    if (additional != null) {
      builder.putAll(additional);
    }
    addEventAt("exception", builder.build(), timestamp);
    return this;
  }

  private void addEventAt(String eventName, Attributes eventAttributes, long epochNanos) {
    SpanLimits limits = shared.limits();
    if (events == null) {
      events = new ArrayList<>(Math.min(4, limits.eventCountLimit()));
    }
    if (events.size() >= limits.eventCountLimit()) {
      droppedEvents++;
      return;
    }
    int countLimit = limits.eventAttributeCountLimit();
    Attributes limited =
        SpanAttributes.limit(eventAttributes, countLimit, limits.attributeValueLengthLimit());
    int dropped = Math.max(0, eventAttributes.size() - countLimit);
    events.add(new EventData(eventName, epochNanos, limited, dropped));
  }

  /**
   * Unset is ignored; once Ok the status is final; Error may be replaced by Ok. The description is
   * kept only with Error.
   */
  @Override
  public Span setStatus(StatusCode code, String description) {
    if (code == null || code == StatusCode.UNSET || status == StatusCode.OK || ended != 0) {
      return this;
    }
    status = code;
    statusDescription = code == StatusCode.ERROR && description != null ? description : "";
    return this;
  }

  @Override
  public Span updateName(String newName) {
    if (newName != null && ended == 0) {
      name = newName;
    }
    return this;
  }

  @Override
  public void end() {
    endAt(0);
  }

  @Override
  public void end(long epochNanos) {
    endAt(epochNanos);
  }

  private void endAt(long epochNanos) {
    if (!ENDED.compareAndSet(this, 0, 1)) {
      return;
    }
    endEpochNanos = epochNanos > 0 ? epochNanos : now();
    shared.processor().onEnd(this);
  }

  /** True once {@link #end} has been called. */
  public boolean hasEnded() {
    return ended != 0;
  }

  private long now() {
    return startNanoTime == 0
        ? epochNanosNow()
        : startEpochNanos + (System.nanoTime() - startNanoTime);
  }

  private static long epochNanosNow() {
    Instant now = Instant.now(); // microsecond precision on Linux; escape analysis removes it
    return now.getEpochSecond() * 1_000_000_000L + now.getNano();
  }

  private static long nanoTimeNonZero() {
    long nanoTime = System.nanoTime();
    return nanoTime == 0 ? 1 : nanoTime;
  }

  // ---- SpanData: read after end, from the export thread ----

  @Override
  public String name() {
    return name;
  }

  @Override
  public SpanKind kind() {
    return kind;
  }

  @Override
  public SpanContext parentSpanContext() {
    return parentSpanContext;
  }

  @Override
  public long startEpochNanos() {
    return startEpochNanos;
  }

  /** Zero until the span has ended. */
  @Override
  public long endEpochNanos() {
    return endEpochNanos;
  }

  @Override
  public Attributes attributes() {
    if (attributes == null) {
      return Attributes.empty();
    }
    if (ended == 0) {
      return attributes.toAttributes(); // a snapshot of a span still open (onStart, tests)
    }
    Attributes frozen = frozenAttributes;
    if (frozen == null) {
      frozen = attributes.toAttributes();
      frozenAttributes = frozen;
    }
    return frozen;
  }

  @Override
  public int droppedAttributesCount() {
    return attributes == null ? 0 : attributes.dropped();
  }

  @Override
  public List<EventData> events() {
    return events == null ? Collections.emptyList() : Collections.unmodifiableList(events);
  }

  @Override
  public int droppedEventsCount() {
    return droppedEvents;
  }

  @Override
  public List<LinkData> links() {
    return links == null ? Collections.emptyList() : links;
  }

  @Override
  public int droppedLinksCount() {
    return droppedLinks;
  }

  @Override
  public StatusCode statusCode() {
    return status;
  }

  @Override
  public String statusDescription() {
    return statusDescription;
  }

  @Override
  public InstrumentationScope instrumentationScope() {
    return scope;
  }

  @Override
  public Resource resource() {
    return shared.resource();
  }

  @Override
  public String toString() {
    return "SdkSpan{"
        + name
        + ", "
        + kind
        + ", "
        + spanContext
        + ", parent="
        + (parentSpanContext.isValid() ? parentSpanContext.spanIdHex() : "none")
        + ", status="
        + status
        + (ended != 0 ? ", ended" : "")
        + "}";
  }
}
