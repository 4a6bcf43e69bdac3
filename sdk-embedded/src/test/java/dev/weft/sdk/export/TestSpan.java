package dev.weft.sdk.export;

import dev.weft.core.api.common.Attributes;
import dev.weft.core.api.trace.SpanContext;
import dev.weft.core.api.trace.SpanKind;
import dev.weft.core.api.trace.StatusCode;
import dev.weft.core.api.trace.TraceState;
import dev.weft.sdk.common.InstrumentationScope;
import dev.weft.sdk.resources.Resource;
import dev.weft.sdk.trace.data.EventData;
import dev.weft.sdk.trace.data.LinkData;
import dev.weft.sdk.trace.data.SpanData;
import java.util.ArrayList;
import java.util.List;

/** A finished span for exporter tests: plain fields, set through chained setters. */
public class TestSpan implements SpanData {

  public static final Resource RESOURCE =
      Resource.create(Attributes.builder().put("service.name", "test-service").build());
  public static final InstrumentationScope SCOPE = InstrumentationScope.of("test-scope", "1.0");

  private String name = "span";
  private SpanKind kind = SpanKind.INTERNAL;
  private SpanContext spanContext =
      SpanContext.create(
          0x0af7651916cd43ddL,
          0x8448eb211c80319cL,
          0xb7ad6b7169203331L,
          (byte) 1,
          TraceState.empty());
  private SpanContext parent = SpanContext.invalid();
  private long start = 1_700_000_000_000_000_000L;
  private long end = 1_700_000_000_012_345_678L;
  private Attributes attributes = Attributes.empty();
  private int droppedAttributes;
  private final List<EventData> events = new ArrayList<>();
  private int droppedEvents;
  private final List<LinkData> links = new ArrayList<>();
  private int droppedLinks;
  private StatusCode statusCode = StatusCode.UNSET;
  private String statusDescription = "";
  private InstrumentationScope scope = SCOPE;
  private Resource resource = RESOURCE;

  public static TestSpan named(String name) {
    return new TestSpan().name(name);
  }

  public TestSpan name(String value) {
    name = value;
    return this;
  }

  public TestSpan kind(SpanKind value) {
    kind = value;
    return this;
  }

  public TestSpan context(SpanContext value) {
    spanContext = value;
    return this;
  }

  public TestSpan parent(SpanContext value) {
    parent = value;
    return this;
  }

  public TestSpan times(long startNanos, long endNanos) {
    start = startNanos;
    end = endNanos;
    return this;
  }

  public TestSpan attributes(Attributes value) {
    attributes = value;
    return this;
  }

  public TestSpan dropped(int attributesCount, int eventsCount, int linksCount) {
    droppedAttributes = attributesCount;
    droppedEvents = eventsCount;
    droppedLinks = linksCount;
    return this;
  }

  public TestSpan event(EventData event) {
    events.add(event);
    return this;
  }

  public TestSpan link(LinkData link) {
    links.add(link);
    return this;
  }

  public TestSpan status(StatusCode code, String description) {
    statusCode = code;
    statusDescription = description;
    return this;
  }

  public TestSpan scope(InstrumentationScope value) {
    scope = value;
    return this;
  }

  public TestSpan resource(Resource value) {
    resource = value;
    return this;
  }

  @Override
  public String name() {
    return name;
  }

  @Override
  public SpanKind kind() {
    return kind;
  }

  @Override
  public SpanContext spanContext() {
    return spanContext;
  }

  @Override
  public SpanContext parentSpanContext() {
    return parent;
  }

  @Override
  public long startEpochNanos() {
    return start;
  }

  @Override
  public long endEpochNanos() {
    return end;
  }

  @Override
  public Attributes attributes() {
    return attributes;
  }

  @Override
  public int droppedAttributesCount() {
    return droppedAttributes;
  }

  @Override
  public List<EventData> events() {
    return events;
  }

  @Override
  public int droppedEventsCount() {
    return droppedEvents;
  }

  @Override
  public List<LinkData> links() {
    return links;
  }

  @Override
  public int droppedLinksCount() {
    return droppedLinks;
  }

  @Override
  public StatusCode statusCode() {
    return statusCode;
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
    return resource;
  }

  @Override
  public String toString() {
    return "TestSpan{" + name + "}";
  }
}
