package dev.weft.sdk.trace;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.weft.core.api.common.AttributeKey;
import dev.weft.core.api.common.Attributes;
import dev.weft.core.api.trace.SpanContext;
import dev.weft.core.api.trace.TraceState;
import dev.weft.core.api.trace.Tracer;
import dev.weft.sdk.testing.LogCapture;
import dev.weft.sdk.testing.TestConfigs;
import dev.weft.sdk.trace.data.EventData;
import dev.weft.sdk.trace.data.LinkData;
import java.util.List;
import org.junit.jupiter.api.Test;

class SpanLimitsTest {

  private static final AttributeKey<String> A = AttributeKey.stringKey("a");
  private static final AttributeKey<String> B = AttributeKey.stringKey("b");
  private static final AttributeKey<String> C = AttributeKey.stringKey("c");
  private static final AttributeKey<Long> D = AttributeKey.longKey("d");
  private static final AttributeKey<List<String>> ARRAY = AttributeKey.stringArrayKey("arr");

  @Test
  void attributesOverTheCountAreDroppedAndCountedButExistingKeysStillChange() {
    SdkSpan span = start(SpanLimits.builder().attributeCountLimit(2).build());
    span.setAttribute(A, "1");
    span.setAttribute(B, "2");
    span.setAttribute(C, "3");
    span.setAttribute(D, 4L);
    span.setAttribute(A, "1b");
    span.end();

    assertThat(span.attributes().size()).isEqualTo(2);
    assertThat(span.attributes().get(A)).isEqualTo("1b");
    assertThat(span.attributes().get(C)).isNull();
    assertThat(span.droppedAttributesCount()).isEqualTo(2);
  }

  @Test
  void builderAttributesCountTowardsTheSameLimit() {
    Tracer tracer = tracer(SpanLimits.builder().attributeCountLimit(1).build());
    SdkSpan span =
        (SdkSpan) tracer.spanBuilder("op").setAttribute(A, "1").setAttribute(B, "2").startSpan();
    span.setAttribute(C, "3");
    assertThat(span.attributes().size()).isEqualTo(1);
    assertThat(span.droppedAttributesCount()).isEqualTo(2);
  }

  @Test
  void longStringsAndStringArrayElementsAreTruncated() {
    SdkSpan span = start(SpanLimits.builder().attributeValueLengthLimit(3).build());
    span.setAttribute(A, "abcdef");
    span.setAttribute(B, "ab");
    span.setAttribute(ARRAY, List.of("abcdef", "xy"));
    span.setAttribute(D, 123456789L);
    span.end();

    assertThat(span.attributes().get(A)).isEqualTo("abc");
    assertThat(span.attributes().get(B)).isEqualTo("ab");
    assertThat(span.attributes().get(ARRAY)).containsExactly("abc", "xy");
    assertThat(span.attributes().get(D)).isEqualTo(123456789L);
    assertThat(span.droppedAttributesCount()).isZero(); // truncated values are kept, not dropped
  }

  @Test
  void eventsOverTheLimitAreDroppedAndCounted() {
    SdkSpan span = start(SpanLimits.builder().eventCountLimit(2).build());
    span.addEvent("1", Attributes.empty());
    span.addEvent("2", Attributes.empty());
    span.addEvent("3", Attributes.empty());
    span.recordException(new RuntimeException(), Attributes.empty());
    assertThat(span.events()).extracting(EventData::name).containsExactly("1", "2");
    assertThat(span.droppedEventsCount()).isEqualTo(2);
  }

  @Test
  void eventAttributesAreLimitedAndTruncated() {
    SdkSpan span =
        start(
            SpanLimits.builder().eventAttributeCountLimit(2).attributeValueLengthLimit(2).build());
    span.addEvent("e", Attributes.builder().put(A, "xyz").put(B, "b").put(C, "c").build());
    EventData event = span.events().get(0);
    assertThat(event.attributes().size()).isEqualTo(2);
    assertThat(event.attributes().get(A)).isEqualTo("xy");
    assertThat(event.droppedAttributesCount()).isEqualTo(1);
  }

  @Test
  void exceptionStackTraceIsTruncatedLikeAnyString() {
    SdkSpan span = start(SpanLimits.builder().attributeValueLengthLimit(10).build());
    span.recordException(new IllegalStateException("a long message"), null);
    Attributes attributes = span.events().get(0).attributes();
    assertThat(attributes.get(AttributeKey.stringKey("exception.stacktrace"))).hasSize(10);
    assertThat(attributes.get(AttributeKey.stringKey("exception.type"))).isEqualTo("java.lang.");
  }

  @Test
  void linksAndLinkAttributesAreLimited() {
    Tracer tracer =
        tracer(SpanLimits.builder().linkCountLimit(1).linkAttributeCountLimit(1).build());
    SpanContext first = SpanContext.create(1, 1, 1, SpanContext.SAMPLED, TraceState.empty());
    SpanContext second = SpanContext.create(2, 2, 2, SpanContext.SAMPLED, TraceState.empty());
    SdkSpan span =
        (SdkSpan)
            tracer
                .spanBuilder("op")
                .addLink(first, Attributes.builder().put(A, "a").put(B, "b").build())
                .addLink(second, Attributes.empty())
                .startSpan();
    assertThat(span.links()).extracting(LinkData::spanContext).containsExactly(first);
    assertThat(span.links().get(0).attributes().size()).isEqualTo(1);
    assertThat(span.links().get(0).droppedAttributesCount()).isEqualTo(1);
    assertThat(span.droppedLinksCount()).isEqualTo(1);
  }

  @Test
  void zeroLimitsDropEverything() {
    SdkSpan span = start(SpanLimits.builder().attributeCountLimit(0).eventCountLimit(0).build());
    span.setAttribute(A, "a");
    span.addEvent("e", Attributes.empty());
    assertThat(span.attributes().isEmpty()).isTrue();
    assertThat(span.droppedAttributesCount()).isEqualTo(1);
    assertThat(span.droppedEventsCount()).isEqualTo(1);
  }

  @Test
  void defaultsAre128AndUnlimitedLength() {
    SpanLimits limits = SpanLimits.fromConfig(TestConfigs.of());
    assertThat(limits.attributeCountLimit()).isEqualTo(128);
    assertThat(limits.attributeValueLengthLimit()).isEqualTo(SpanLimits.UNLIMITED);
    assertThat(limits.eventCountLimit()).isEqualTo(128);
    assertThat(limits.linkCountLimit()).isEqualTo(128);
    assertThat(limits.eventAttributeCountLimit()).isEqualTo(128);
    assertThat(limits.linkAttributeCountLimit()).isEqualTo(128);
  }

  @Test
  void genericKeysApplyUnlessSpanSpecificOnesAreSet() {
    SpanLimits generic =
        SpanLimits.fromConfig(
            TestConfigs.of(
                "otel.attribute.count.limit", "10", "otel.attribute.value.length.limit", "20"));
    assertThat(generic.attributeCountLimit()).isEqualTo(10);
    assertThat(generic.attributeValueLengthLimit()).isEqualTo(20);
    assertThat(generic.eventAttributeCountLimit()).isEqualTo(10);
    assertThat(generic.linkAttributeCountLimit()).isEqualTo(10);

    SpanLimits specific =
        SpanLimits.fromConfig(
            TestConfigs.of(
                "otel.attribute.count.limit", "10",
                "otel.span.attribute.count.limit", "11",
                "otel.attribute.value.length.limit", "20",
                "otel.span.attribute.value.length.limit", "21",
                "otel.span.event.count.limit", "12",
                "otel.span.link.count.limit", "13",
                "otel.event.attribute.count.limit", "14",
                "otel.link.attribute.count.limit", "15"));
    assertThat(specific.attributeCountLimit()).isEqualTo(11);
    assertThat(specific.attributeValueLengthLimit()).isEqualTo(21);
    assertThat(specific.eventCountLimit()).isEqualTo(12);
    assertThat(specific.linkCountLimit()).isEqualTo(13);
    assertThat(specific.eventAttributeCountLimit()).isEqualTo(14);
    assertThat(specific.linkAttributeCountLimit()).isEqualTo(15);
  }

  @Test
  void negativeValuesWarnOnceAndFallBack() {
    try (LogCapture log = LogCapture.start()) {
      SpanLimits limits =
          SpanLimits.fromConfig(TestConfigs.of("otel.span.event.count.limit", "-1"));
      assertThat(limits.eventCountLimit()).isEqualTo(128);
      assertThat(log.lines())
          .singleElement()
          .asString()
          .contains("WARN", "otel.span.event.count.limit", "OTEL_SPAN_EVENT_COUNT_LIMIT", "-1");
    }
  }

  @Test
  void builderRejectsNegativeLimits() {
    assertThatThrownBy(() -> SpanLimits.builder().linkCountLimit(-1))
        .isInstanceOf(IllegalArgumentException.class);
  }

  private static SdkSpan start(SpanLimits limits) {
    return (SdkSpan) tracer(limits).spanBuilder("op").startSpan();
  }

  private static Tracer tracer(SpanLimits limits) {
    return SdkTracerProvider.builder().spanLimits(limits).build().get("limits", null);
  }
}
