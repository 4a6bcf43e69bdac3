package dev.weft.sdk.trace;

import static org.assertj.core.api.Assertions.assertThat;

import dev.weft.bootstrap.context.Context;
import dev.weft.bootstrap.context.Scope;
import dev.weft.core.api.common.AttributeKey;
import dev.weft.core.api.common.Attributes;
import dev.weft.core.api.trace.Span;
import dev.weft.core.api.trace.SpanContext;
import dev.weft.core.api.trace.SpanKind;
import dev.weft.core.api.trace.StatusCode;
import dev.weft.core.api.trace.TraceState;
import dev.weft.core.api.trace.Tracer;
import dev.weft.sdk.common.InstrumentationScope;
import dev.weft.sdk.resources.Resource;
import dev.weft.sdk.trace.data.EventData;
import dev.weft.sdk.trace.samplers.Sampler;
import dev.weft.sdk.trace.samplers.SamplingDecision;
import dev.weft.sdk.trace.samplers.SamplingResult;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class SdkSpanTest {

  private static final AttributeKey<String> ROUTE = AttributeKey.stringKey("http.route");
  private static final AttributeKey<Long> STATUS = AttributeKey.longKey("http.response.code");

  private final RecordingSpanProcessor processor = new RecordingSpanProcessor();
  private final Resource resource =
      Resource.create(Attributes.builder().put("service.name", "test").build());
  private final SdkTracerProvider provider =
      SdkTracerProvider.builder().resource(resource).addSpanProcessor(processor).build();
  private final Tracer tracer = provider.get("test-scope", "1.0");

  @Test
  void spanRecordsUntilEndedAndIsHandedToTheProcessorOnce() {
    long before = epochNanos();
    SdkSpan span =
        (SdkSpan)
            tracer
                .spanBuilder("GET /users")
                .setSpanKind(SpanKind.SERVER)
                .setAttribute(ROUTE, "/users")
                .startSpan();
    assertThat(processor.started).containsExactly(span);
    assertThat(span.isRecording()).isTrue();
    span.setAttribute(STATUS, 200L).updateName("GET /users/{id}");
    span.addEvent("cache miss", Attributes.empty());
    span.end();
    long after = epochNanos();

    assertThat(span.hasEnded()).isTrue();
    assertThat(span.isRecording()).isFalse();
    assertThat(processor.ended).containsExactly(span);
    assertThat(span.name()).isEqualTo("GET /users/{id}");
    assertThat(span.kind()).isEqualTo(SpanKind.SERVER);
    assertThat(span.attributes().get(ROUTE)).isEqualTo("/users");
    assertThat(span.attributes().get(STATUS)).isEqualTo(200L);
    assertThat(span.events()).extracting(EventData::name).containsExactly("cache miss");
    assertThat(span.startEpochNanos()).isBetween(before - 1_000_000, after);
    assertThat(span.endEpochNanos()).isBetween(span.startEpochNanos(), after + 1_000_000);
    assertThat(span.instrumentationScope()).isEqualTo(InstrumentationScope.of("test-scope", "1.0"));
    assertThat(span.resource()).isSameAs(resource);
    assertThat(span.spanContext().isSampled()).isTrue();
    assertThat(span.parentSpanContext().isValid()).isFalse();
  }

  @Test
  void changesAfterEndAreIgnored() {
    SdkSpan span = (SdkSpan) tracer.spanBuilder("op").startSpan();
    span.end();
    span.setAttribute(ROUTE, "/late");
    span.addEvent("late", Attributes.empty());
    span.recordException(new RuntimeException(), Attributes.empty());
    span.setStatus(StatusCode.ERROR, "late");
    span.updateName("late");
    span.end();

    assertThat(span.attributes().isEmpty()).isTrue();
    assertThat(span.events()).isEmpty();
    assertThat(span.statusCode()).isEqualTo(StatusCode.UNSET);
    assertThat(span.name()).isEqualTo("op");
    assertThat(processor.ended).hasSize(1);
  }

  @Test
  @SuppressWarnings("try") // the scope is used for its side effect only
  void childOfTheCurrentSpanSharesItsTraceAndPointsAtIt() {
    SdkSpan parent = (SdkSpan) tracer.spanBuilder("parent").startSpan();
    SdkSpan child;
    try (Scope ignored = parent.storeInContext(Context.root()).makeCurrent()) {
      child = (SdkSpan) tracer.spanBuilder("child").startSpan();
    }
    SpanContext parentContext = parent.spanContext();
    assertThat(child.spanContext().traceIdHigh()).isEqualTo(parentContext.traceIdHigh());
    assertThat(child.spanContext().traceIdLow()).isEqualTo(parentContext.traceIdLow());
    assertThat(child.spanContext().spanId()).isNotEqualTo(parentContext.spanId());
    assertThat(child.parentSpanContext()).isEqualTo(parentContext);
    assertThat(processor.parents.get(1).get(Span.CONTEXT_KEY)).isSameAs(parent);
  }

  @Test
  @SuppressWarnings("try") // the scope is used for its side effect only
  void explicitParentAndNoParentOverrideTheCurrentContext() {
    SdkSpan current = (SdkSpan) tracer.spanBuilder("current").startSpan();
    SdkSpan other = (SdkSpan) tracer.spanBuilder("other").startSpan();
    try (Scope ignored = current.storeInContext(Context.root()).makeCurrent()) {
      SdkSpan explicit =
          (SdkSpan)
              tracer.spanBuilder("x").setParent(other.storeInContext(Context.root())).startSpan();
      SdkSpan root = (SdkSpan) tracer.spanBuilder("y").setNoParent().startSpan();

      assertThat(explicit.parentSpanContext()).isEqualTo(other.spanContext());
      assertThat(root.parentSpanContext().isValid()).isFalse();
      assertThat(root.spanContext().traceIdLow()).isNotEqualTo(current.spanContext().traceIdLow());
    }
  }

  @Test
  void remoteParentIsFollowedWithItsTraceState() {
    TraceState state = TraceState.ofValidated(List.of("vendor", "value"));
    SpanContext remote =
        SpanContext.createFromRemoteParent(0x1234L, 0x5678L, 0x9abcL, SpanContext.SAMPLED, state);
    SdkSpan child =
        (SdkSpan)
            tracer
                .spanBuilder("server")
                .setParent(Span.wrap(remote).storeInContext(Context.root()))
                .startSpan();

    assertThat(child.parentSpanContext()).isEqualTo(remote);
    assertThat(child.parentSpanContext().isRemote()).isTrue();
    assertThat(child.spanContext().isRemote()).isFalse();
    assertThat(child.spanContext().traceIdHigh()).isEqualTo(0x1234L);
    assertThat(child.spanContext().traceIdLow()).isEqualTo(0x5678L);
    assertThat(child.spanContext().traceState()).isEqualTo(state);
  }

  @Test
  void unsampledRemoteParentGivesANonRecordingChildInTheSameTrace() {
    SpanContext remote =
        SpanContext.createFromRemoteParent(7L, 8L, 9L, (byte) 0, TraceState.empty());
    Span child =
        tracer
            .spanBuilder("server")
            .setParent(Span.wrap(remote).storeInContext(Context.root()))
            .startSpan();

    assertThat(child).isNotInstanceOf(SdkSpan.class);
    assertThat(child.isRecording()).isFalse();
    assertThat(child.spanContext().isValid()).isTrue();
    assertThat(child.spanContext().isSampled()).isFalse();
    assertThat(child.spanContext().traceIdLow()).isEqualTo(8L);
    assertThat(child.spanContext().spanId()).isNotEqualTo(9L);
    child.end();
    assertThat(processor.started).isEmpty();
    assertThat(processor.ended).isEmpty();
  }

  @Test
  void newTracesGetFreshNonZeroIds() {
    SdkSpan a = (SdkSpan) tracer.spanBuilder("a").startSpan();
    SdkSpan b = (SdkSpan) tracer.spanBuilder("b").startSpan();
    assertThat(a.spanContext().isValid()).isTrue();
    assertThat(a.spanContext().traceIdLow()).isNotZero();
    assertThat(a.spanContext().traceIdLow()).isNotEqualTo(b.spanContext().traceIdLow());
  }

  @Test
  void errorReplacesUnsetAndUnsetIsIgnored() {
    SdkSpan span = (SdkSpan) tracer.spanBuilder("op").startSpan();
    span.setStatus(StatusCode.ERROR, "boom");
    span.setStatus(StatusCode.UNSET, null);
    assertThat(span.statusCode()).isEqualTo(StatusCode.ERROR);
    assertThat(span.statusDescription()).isEqualTo("boom");
  }

  @Test
  void okIsFinal() {
    SdkSpan span = (SdkSpan) tracer.spanBuilder("op").startSpan();
    span.setStatus(StatusCode.ERROR, "first");
    span.setStatus(StatusCode.OK, "ignored description");
    span.setStatus(StatusCode.ERROR, "too late");
    assertThat(span.statusCode()).isEqualTo(StatusCode.OK);
    assertThat(span.statusDescription()).isEmpty();
  }

  @Test
  void errorWithoutDescriptionHasAnEmptyOne() {
    SdkSpan span = (SdkSpan) tracer.spanBuilder("op").startSpan();
    span.setStatus(StatusCode.ERROR, null);
    assertThat(span.statusDescription()).isEmpty();
  }

  @Test
  void recordedExceptionIsAnEventWithTypeMessageAndStackTrace() {
    SdkSpan span = (SdkSpan) tracer.spanBuilder("op").startSpan();
    IllegalStateException error = new IllegalStateException("boom");
    span.recordException(error, Attributes.builder().put("extra", "yes").build());

    EventData event = span.events().get(0);
    assertThat(event.name()).isEqualTo("exception");
    Attributes attributes = event.attributes();
    assertThat(attributes.get(AttributeKey.stringKey("exception.type")))
        .isEqualTo("java.lang.IllegalStateException");
    assertThat(attributes.get(AttributeKey.stringKey("exception.message"))).isEqualTo("boom");
    assertThat(attributes.get(AttributeKey.stringKey("exception.stacktrace")))
        .startsWith("java.lang.IllegalStateException: boom")
        .contains("at dev.weft.sdk.trace.SdkSpanTest.recordedExceptionIsAnEvent");
    assertThat(attributes.get(AttributeKey.stringKey("extra"))).isEqualTo("yes");
    assertThat(span.statusCode()).isEqualTo(StatusCode.UNSET); // recording does not set status
  }

  @Test
  void exceptionWithoutMessageHasNoMessageAttribute() {
    SdkSpan span = (SdkSpan) tracer.spanBuilder("op").startSpan();
    span.recordException(new NullPointerException(), null);
    Attributes attributes = span.events().get(0).attributes();
    assertThat(attributes.get(AttributeKey.stringKey("exception.message"))).isNull();
    assertThat(attributes.size()).isEqualTo(2);
  }

  @Test
  void explicitTimestampsAreKept() {
    SdkSpan span = (SdkSpan) tracer.spanBuilder("op").setStartTimestamp(1_000_000_000L).startSpan();
    span.addEvent("e", Attributes.empty());
    span.end(3_000_000_000L);
    assertThat(span.startEpochNanos()).isEqualTo(1_000_000_000L);
    assertThat(span.endEpochNanos()).isEqualTo(3_000_000_000L);
    assertThat(span.events().get(0).epochNanos()).isGreaterThan(3_000_000_000L); // wall clock
  }

  @Test
  void eventTimestampsAreMonotonic() {
    SdkSpan span = (SdkSpan) tracer.spanBuilder("op").startSpan();
    for (int i = 0; i < 50; i++) {
      span.addEvent("e" + i, Attributes.empty());
    }
    span.end();
    List<EventData> events = span.events();
    for (int i = 1; i < events.size(); i++) {
      assertThat(events.get(i).epochNanos()).isGreaterThanOrEqualTo(events.get(i - 1).epochNanos());
    }
    assertThat(span.endEpochNanos()).isGreaterThanOrEqualTo(events.get(49).epochNanos());
  }

  @Test
  void missingNameGetsTheOfficialPlaceholder() {
    assertThat(((SdkSpan) tracer.spanBuilder(null).startSpan()).name())
        .isEqualTo("<unspecified span name>");
    assertThat(((SdkSpan) tracer.spanBuilder("  ").startSpan()).name())
        .isEqualTo("<unspecified span name>");
  }

  @Test
  void linksKeepValidContextsOnly() {
    SpanContext linked = SpanContext.create(1L, 2L, 3L, SpanContext.SAMPLED, TraceState.empty());
    SdkSpan span =
        (SdkSpan)
            tracer
                .spanBuilder("op")
                .addLink(linked, Attributes.builder().put("k", "v").build())
                .addLink(SpanContext.invalid(), Attributes.empty())
                .addLink(null, null)
                .startSpan();
    assertThat(span.links()).hasSize(1);
    assertThat(span.links().get(0).spanContext()).isEqualTo(linked);
    assertThat(span.links().get(0).attributes().get(AttributeKey.stringKey("k"))).isEqualTo("v");
    assertThat(span.droppedLinksCount()).isZero();
  }

  @Test
  void tracersAreCachedPerScope() {
    assertThat(provider.get("a", "1")).isSameAs(provider.get("a", "1"));
    assertThat(provider.get("a", "1")).isNotSameAs(provider.get("a", "2"));
    assertThat(provider.get("a", null)).isSameAs(provider.get("a", null));
  }

  @Test
  void recordOnlySpansRecordButAreNotSampled() {
    SdkTracerProvider recordOnly =
        SdkTracerProvider.builder()
            .sampler(new FixedSampler(SamplingDecision.RECORD_ONLY))
            .addSpanProcessor(processor)
            .build();
    Span span = recordOnly.get("s", null).spanBuilder("op").startSpan();
    assertThat(span.isRecording()).isTrue();
    assertThat(span.spanContext().isSampled()).isFalse();
    span.end();
    assertThat(processor.ended).hasSize(1);
  }

  @Test
  void afterShutdownSpansPassTheParentThroughWithoutRecording() {
    SdkSpan parent = (SdkSpan) tracer.spanBuilder("parent").startSpan();
    assertThat(provider.shutdown(1, TimeUnit.SECONDS)).isTrue();
    Span span =
        tracer.spanBuilder("after").setParent(parent.storeInContext(Context.root())).startSpan();
    assertThat(span.isRecording()).isFalse();
    assertThat(span.spanContext()).isEqualTo(parent.spanContext());
    assertThat(provider.shutdown(1, TimeUnit.SECONDS)).isTrue();
    assertThat(processor.shutdowns).hasValue(1);
  }

  @Test
  void alwaysOffCreatesNoRecordingSpan() {
    SdkTracerProvider off =
        SdkTracerProvider.builder()
            .sampler(Sampler.alwaysOff())
            .addSpanProcessor(processor)
            .build();
    Span span = off.get("s", null).spanBuilder("op").setAttribute(ROUTE, "/x").startSpan();
    assertThat(span.isRecording()).isFalse();
    assertThat(span.spanContext().isValid()).isTrue();
    assertThat(processor.started).isEmpty();
  }

  @Test
  void samplerAttributesAreAddedToTheSpan() {
    Attributes extra = Attributes.builder().put("sampler.rule", "r1").build();
    FixedSampler sampler =
        new FixedSampler(SamplingResult.of(SamplingDecision.RECORD_AND_SAMPLE, extra));
    Tracer sampled = SdkTracerProvider.builder().sampler(sampler).build().get("s", null);
    SdkSpan span = (SdkSpan) sampled.spanBuilder("op").setAttribute(ROUTE, "/r").startSpan();
    assertThat(sampler.seenAttributes.get(ROUTE)).isEqualTo("/r");
    assertThat(span.attributes().get(AttributeKey.stringKey("sampler.rule"))).isEqualTo("r1");
    assertThat(span.attributes().get(ROUTE)).isEqualTo("/r");
  }

  @Test
  void samplersThatIgnoreAttributesAreNotGivenACopy() {
    FixedSampler sampler =
        new FixedSampler(SamplingResult.of(SamplingDecision.DROP)) {
          @Override
          public boolean readsAttributes() {
            return false;
          }
        };
    Tracer dropping = SdkTracerProvider.builder().sampler(sampler).build().get("s", null);
    dropping.spanBuilder("op").setAttribute(ROUTE, "/r").startSpan();
    assertThat(sampler.seenAttributes.isEmpty()).isTrue();
  }

  @Test
  void everyProcessorSeesEverySpanInOrder() {
    RecordingSpanProcessor second = new RecordingSpanProcessor();
    SdkTracerProvider both =
        SdkTracerProvider.builder().addSpanProcessor(processor).addSpanProcessor(second).build();
    Span span = both.get("s", null).spanBuilder("op").startSpan();
    span.end();
    assertThat(processor.ended).containsExactly((SdkSpan) span);
    assertThat(second.ended).containsExactly((SdkSpan) span);
    assertThat(both.forceFlush(1, TimeUnit.SECONDS)).isTrue();
    assertThat(both.shutdown(1, TimeUnit.SECONDS)).isTrue();
    assertThat(processor.shutdowns).hasValue(1);
    assertThat(second.shutdowns).hasValue(1);
  }

  private static long epochNanos() {
    Instant now = Instant.now();
    return now.getEpochSecond() * 1_000_000_000L + now.getNano();
  }
}
