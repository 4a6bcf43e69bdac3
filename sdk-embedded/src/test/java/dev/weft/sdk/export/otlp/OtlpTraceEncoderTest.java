package dev.weft.sdk.export.otlp;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.protobuf.ByteString;
import dev.weft.core.api.common.AttributeKey;
import dev.weft.core.api.common.Attributes;
import dev.weft.core.api.trace.SpanContext;
import dev.weft.core.api.trace.SpanKind;
import dev.weft.core.api.trace.StatusCode;
import dev.weft.core.api.trace.TraceState;
import dev.weft.sdk.common.InstrumentationScope;
import dev.weft.sdk.export.TestSpan;
import dev.weft.sdk.resources.Resource;
import dev.weft.sdk.trace.data.EventData;
import dev.weft.sdk.trace.data.LinkData;
import io.opentelemetry.proto.collector.trace.v1.ExportTraceServiceRequest;
import io.opentelemetry.proto.common.v1.AnyValue;
import io.opentelemetry.proto.common.v1.KeyValue;
import io.opentelemetry.proto.trace.v1.ResourceSpans;
import io.opentelemetry.proto.trace.v1.ScopeSpans;
import io.opentelemetry.proto.trace.v1.Span;
import io.opentelemetry.proto.trace.v1.Status;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Every field, decoded by the official generated classes (an implementation we did not write). */
class OtlpTraceEncoderTest {

  static final SpanContext REMOTE_PARENT =
      SpanContext.createFromRemoteParent(
          0x0af7651916cd43ddL,
          0x8448eb211c80319cL,
          0x00f067aa0ba902b7L,
          (byte) 1,
          TraceState.ofValidated(List.of("congo", "t61rcWkgMzE")));
  static final SpanContext LOCAL =
      SpanContext.create(
          0x0af7651916cd43ddL,
          0x8448eb211c80319cL,
          0x53995c3f42cd8ad8L,
          (byte) 1,
          TraceState.ofValidated(List.of("rojo", "00f067aa0ba902b7", "congo", "t61rcWkgMzE")));

  @Test
  void encodesEveryFieldOfASpanWithAllFeatures() throws Exception {
    TestSpan span = fullSpan();

    Span decoded = onlySpan(OtlpTraceEncoder.encode(List.of(span)));

    assertThat(hex(decoded.getTraceId())).isEqualTo("0af7651916cd43dd8448eb211c80319c");
    assertThat(hex(decoded.getSpanId())).isEqualTo("53995c3f42cd8ad8");
    assertThat(decoded.getTraceState()).isEqualTo("rojo=00f067aa0ba902b7,congo=t61rcWkgMzE");
    assertThat(hex(decoded.getParentSpanId())).isEqualTo("00f067aa0ba902b7");
    assertThat(decoded.getFlags()).isEqualTo(0x01 | 0x100 | 0x200);
    assertThat(decoded.getName()).isEqualTo("GET /users/{id}");
    assertThat(decoded.getKind()).isEqualTo(Span.SpanKind.SPAN_KIND_SERVER);
    assertThat(decoded.getStartTimeUnixNano()).isEqualTo(1_700_000_000_000_000_000L);
    assertThat(decoded.getEndTimeUnixNano()).isEqualTo(1_700_000_000_250_000_001L);
    assertThat(asMap(decoded.getAttributesList()))
        .containsExactly(
            Map.entry("http.request.method", AnyValue.newBuilder().setStringValue("GET").build()),
            Map.entry("http.response.status_code", AnyValue.newBuilder().setIntValue(500).build()));
    assertThat(decoded.getDroppedAttributesCount()).isEqualTo(3);
    assertThat(decoded.getDroppedEventsCount()).isEqualTo(4);
    assertThat(decoded.getDroppedLinksCount()).isEqualTo(5);
    assertThat(decoded.getStatus())
        .isEqualTo(
            Status.newBuilder()
                .setCode(Status.StatusCode.STATUS_CODE_ERROR)
                .setMessage("boom")
                .build());
    assertEvents(decoded);
    assertLinks(decoded);
  }

  private static void assertEvents(Span decoded) {
    assertThat(decoded.getEventsCount()).isEqualTo(2);
    Span.Event exception = decoded.getEvents(0);
    assertThat(exception.getName()).isEqualTo("exception");
    assertThat(exception.getTimeUnixNano()).isEqualTo(1_700_000_000_100_000_000L);
    assertThat(asMap(exception.getAttributesList()))
        .containsExactly(
            Map.entry(
                "exception.type",
                AnyValue.newBuilder().setStringValue("java.lang.IllegalStateException").build()));
    assertThat(exception.getDroppedAttributesCount()).isEqualTo(2);
    Span.Event bare = decoded.getEvents(1);
    assertThat(bare.getName()).isEqualTo("bare");
    assertThat(bare.getTimeUnixNano()).isEqualTo(1_700_000_000_200_000_000L);
    assertThat(bare.getAttributesList()).isEmpty();
    assertThat(bare.getDroppedAttributesCount()).isZero();
  }

  private static void assertLinks(Span decoded) {
    assertThat(decoded.getLinksCount()).isEqualTo(2);
    Span.Link remote = decoded.getLinks(0);
    assertThat(hex(remote.getTraceId())).isEqualTo("0af7651916cd43dd8448eb211c80319c");
    assertThat(hex(remote.getSpanId())).isEqualTo("00f067aa0ba902b7");
    assertThat(remote.getTraceState()).isEqualTo("congo=t61rcWkgMzE");
    assertThat(asMap(remote.getAttributesList()))
        .containsExactly(Map.entry("link.kind", AnyValue.newBuilder().setBoolValue(true).build()));
    assertThat(remote.getDroppedAttributesCount()).isEqualTo(7);
    assertThat(remote.getFlags()).isEqualTo(0x01 | 0x100 | 0x200);
    Span.Link local = decoded.getLinks(1);
    assertThat(hex(local.getTraceId())).isEqualTo("ffffffffffffffff0000000000000001");
    assertThat(hex(local.getSpanId())).isEqualTo("8000000000000000");
    assertThat(local.getTraceState()).isEmpty();
    assertThat(local.getAttributesList()).isEmpty();
    assertThat(local.getDroppedAttributesCount()).isZero();
    assertThat(local.getFlags()).isEqualTo(0x100);
  }

  @Test
  void encodesTheRequestExactlyAsTheOfficialSerializerWould() throws Exception {
    byte[] bytes = OtlpTraceEncoder.encode(List.of(fullSpan(), TestSpan.named("root")));

    // Fields in number order, defaults omitted: re-serializing gives the very same bytes.
    assertThat(ExportTraceServiceRequest.parseFrom(bytes).toByteArray()).isEqualTo(bytes);
  }

  @Test
  void rootSpanHasNoParentIdAndOnlyTheHasIsRemoteBit() throws Exception {
    TestSpan root = TestSpan.named("root").kind(SpanKind.INTERNAL);

    Span decoded = onlySpan(OtlpTraceEncoder.encode(List.of(root)));

    assertThat(decoded.getParentSpanId()).isEmpty();
    assertThat(decoded.getFlags()).isEqualTo(0x01 | 0x100);
    assertThat(decoded.getKind()).isEqualTo(Span.SpanKind.SPAN_KIND_INTERNAL);
    assertThat(decoded.getTraceState()).isEmpty();
    assertThat(decoded.hasStatus()).isFalse();
    assertThat(decoded.getAttributesList()).isEmpty();
    assertThat(decoded.getEventsList()).isEmpty();
    assertThat(decoded.getLinksList()).isEmpty();
    assertThat(decoded.getDroppedAttributesCount()).isZero();
  }

  @Test
  void localParentIsNotMarkedRemote() throws Exception {
    SpanContext unsampled =
        SpanContext.create(1, 2, 3, (byte) 0, TraceState.empty()); // flags 0: not sampled
    TestSpan child = TestSpan.named("child").context(unsampled).parent(LOCAL);

    Span decoded = onlySpan(OtlpTraceEncoder.encode(List.of(child)));

    assertThat(hex(decoded.getParentSpanId())).isEqualTo("53995c3f42cd8ad8");
    assertThat(decoded.getFlags()).isEqualTo(0x100);
    assertThat(hex(decoded.getTraceId())).isEqualTo("00000000000000010000000000000002");
    assertThat(hex(decoded.getSpanId())).isEqualTo("0000000000000003");
  }

  @Test
  void everySpanKindIsItsOrdinalPlusOne() throws Exception {
    List<TestSpan> spans = new ArrayList<>();
    for (SpanKind kind : SpanKind.values()) {
      spans.add(TestSpan.named(kind.name()).kind(kind));
    }

    List<Span> decoded = allSpans(OtlpTraceEncoder.encode(spans));

    assertThat(decoded)
        .extracting(Span::getKind)
        .containsExactly(
            Span.SpanKind.SPAN_KIND_INTERNAL,
            Span.SpanKind.SPAN_KIND_SERVER,
            Span.SpanKind.SPAN_KIND_CLIENT,
            Span.SpanKind.SPAN_KIND_PRODUCER,
            Span.SpanKind.SPAN_KIND_CONSUMER);
  }

  @Test
  void statusOkWithoutMessageAndUnsetWithMessage() throws Exception {
    List<Span> decoded =
        allSpans(
            OtlpTraceEncoder.encode(
                List.of(
                    TestSpan.named("ok").status(StatusCode.OK, ""),
                    TestSpan.named("odd").status(StatusCode.UNSET, "note"),
                    TestSpan.named("null description").status(StatusCode.ERROR, null))));

    assertThat(decoded.get(0).getStatus().getCode()).isEqualTo(Status.StatusCode.STATUS_CODE_OK);
    assertThat(decoded.get(0).getStatus().getMessage()).isEmpty();
    assertThat(decoded.get(1).getStatus().getCode()).isEqualTo(Status.StatusCode.STATUS_CODE_UNSET);
    assertThat(decoded.get(1).getStatus().getMessage()).isEqualTo("note");
    assertThat(decoded.get(2).getStatus().getCode()).isEqualTo(Status.StatusCode.STATUS_CODE_ERROR);
  }

  @Test
  void unicodeNamesKeysAndValuesRoundTrip() throws Exception {
    String name = "Grüße 你好 🚀 ∑";
    Attributes attributes =
        Attributes.builder()
            .put("ключ", "значение ✓")
            .put("emoji.🙂", "𝄞 clef")
            .put("long." + "é".repeat(200), "ü".repeat(5000))
            .build();
    TestSpan span =
        TestSpan.named(name)
            .attributes(attributes)
            .event(new EventData("événement", 5, attributes, 0));

    byte[] bytes = OtlpTraceEncoder.encode(List.of(span));
    Span decoded = onlySpan(bytes);

    assertThat(decoded.getName()).isEqualTo(name);
    assertThat(decoded.getEvents(0).getName()).isEqualTo("événement");
    assertThat(asMap(decoded.getAttributesList()))
        .containsEntry("ключ", AnyValue.newBuilder().setStringValue("значение ✓").build())
        .containsEntry("emoji.🙂", AnyValue.newBuilder().setStringValue("𝄞 clef").build())
        .containsEntry(
            "long." + "é".repeat(200),
            AnyValue.newBuilder().setStringValue("ü".repeat(5000)).build());
    assertThat(decoded.getEvents(0).getAttributesCount()).isEqualTo(3);
  }

  @Test
  void unpairedSurrogatesAreReplacedWithoutBreakingTheSizes() throws Exception {
    Attributes attributes =
        Attributes.builder().put("cut", "ends in half a pair \uD83D").put("\uDC00key", "v").build();
    TestSpan span = TestSpan.named("bad \uD800 surrogate").attributes(attributes);

    byte[] bytes = OtlpTraceEncoder.encode(List.of(span));

    Span decoded = onlySpan(bytes);
    assertThat(decoded.getName()).isEqualTo("bad ? surrogate");
    assertThat(asMap(decoded.getAttributesList()))
        .containsEntry("cut", AnyValue.newBuilder().setStringValue("ends in half a pair ?").build())
        .containsKey("?key");
  }

  @Test
  void wellFormedUtf16Check() {
    assertThat(ProtoStrings.isWellFormed("plain ascii")).isTrue();
    assertThat(ProtoStrings.isWellFormed("pair \uD83D\uDE80 ok")).isTrue();
    assertThat(ProtoStrings.isWellFormed("\uD83D")).isFalse();
    assertThat(ProtoStrings.isWellFormed("\uDE80\uD83D")).isFalse();
    assertThat(ProtoStrings.isWellFormed("x\uD83Dy")).isFalse();
  }

  @Test
  void emptyBatchIsAnEmptyRequest() throws Exception {
    byte[] bytes = OtlpTraceEncoder.encode(List.of());

    assertThat(bytes).isEmpty();
    assertThat(ExportTraceServiceRequest.parseFrom(bytes).getResourceSpansCount()).isZero();
  }

  @Test
  void groupsByResourceThenScopeInFirstSeenOrder() throws Exception {
    Resource other = Resource.create(Attributes.builder().put("service.name", "other").build());
    // Equal to TestSpan.RESOURCE but a different instance: still the same group.
    Resource sameAsDefault =
        Resource.create(Attributes.builder().put("service.name", "test-service").build());
    InstrumentationScope jdbc = InstrumentationScope.of("jdbc", null);
    List<TestSpan> spans =
        List.of(
            TestSpan.named("a"),
            TestSpan.named("b").resource(other),
            TestSpan.named("c").scope(jdbc),
            TestSpan.named("d").resource(sameAsDefault),
            TestSpan.named("e").resource(other).scope(jdbc),
            TestSpan.named("f").resource(Resource.empty()).scope(InstrumentationScope.of("", "")));

    ExportTraceServiceRequest request =
        ExportTraceServiceRequest.parseFrom(OtlpTraceEncoder.encode(spans));

    assertThat(request.getResourceSpansCount()).isEqualTo(3);
    ResourceSpans first = request.getResourceSpans(0);
    assertThat(asMap(first.getResource().getAttributesList()))
        .containsExactly(
            Map.entry(
                "service.name", AnyValue.newBuilder().setStringValue("test-service").build()));
    assertThat(first.getScopeSpansList())
        .extracting(this::describe)
        .containsExactly("test-scope@1.0:[a, d]", "jdbc@:[c]");
    ResourceSpans second = request.getResourceSpans(1);
    assertThat(second.getResource().getAttributes(0).getValue().getStringValue())
        .isEqualTo("other");
    assertThat(second.getScopeSpansList())
        .extracting(this::describe)
        .containsExactly("test-scope@1.0:[b]", "jdbc@:[e]");
    ResourceSpans third = request.getResourceSpans(2);
    assertThat(third.hasResource()).isTrue();
    assertThat(third.getResource().getAttributesList()).isEmpty();
    assertThat(third.getScopeSpansList()).extracting(this::describe).containsExactly("@:[f]");
  }

  @Test
  void scopeSchemaUrlAndAttributesAreEncoded() throws Exception {
    InstrumentationScope described =
        InstrumentationScope.of(
            "io.opentelemetry.app",
            "2.0",
            "https://opentelemetry.io/schemas/1.37.0",
            Attributes.builder().put("scope.kind", "manual").put("scope.level", 3L).build());
    InstrumentationScope plain = InstrumentationScope.of("io.opentelemetry.app", "2.0");
    List<TestSpan> spans =
        List.of(TestSpan.named("a").scope(described), TestSpan.named("b").scope(plain));

    ExportTraceServiceRequest request =
        ExportTraceServiceRequest.parseFrom(OtlpTraceEncoder.encode(spans));

    List<ScopeSpans> scopes = request.getResourceSpans(0).getScopeSpansList();
    assertThat(scopes).hasSize(2); // same name and version, different schema and attributes
    assertThat(scopes.get(0).getSchemaUrl()).isEqualTo("https://opentelemetry.io/schemas/1.37.0");
    assertThat(scopes.get(0).getScope().getName()).isEqualTo("io.opentelemetry.app");
    assertThat(scopes.get(0).getScope().getVersion()).isEqualTo("2.0");
    assertThat(asMap(scopes.get(0).getScope().getAttributesList()))
        .containsExactly(
            Map.entry("scope.kind", AnyValue.newBuilder().setStringValue("manual").build()),
            Map.entry("scope.level", AnyValue.newBuilder().setIntValue(3).build()));
    assertThat(scopes.get(0).getScope().getDroppedAttributesCount()).isZero();
    assertThat(scopes.get(0).getSpans(0).getName()).isEqualTo("a");
    assertThat(scopes.get(1).getSchemaUrl()).isEmpty();
    assertThat(scopes.get(1).getScope().getAttributesList()).isEmpty();
    assertThat(scopes.get(1).getSpans(0).getName()).isEqualTo("b");
  }

  @Test
  void largeNestedMessagesUseMultiByteLengths() throws Exception {
    List<TestSpan> spans = new ArrayList<>();
    Attributes.Builder attributes = Attributes.builder();
    for (int i = 0; i < 300; i++) {
      attributes.put("key." + i, "value-" + "x".repeat(i));
    }
    for (int i = 0; i < 200; i++) {
      spans.add(TestSpan.named("span-" + i).attributes(attributes.build()));
    }

    byte[] bytes = OtlpTraceEncoder.encode(spans);

    assertThat(bytes.length).isGreaterThan(2 * 1024 * 1024); // 4-byte length prefixes
    List<Span> decoded = allSpans(bytes);
    assertThat(decoded).hasSize(200);
    assertThat(decoded.get(199).getAttributesCount()).isEqualTo(300);
    assertThat(decoded.get(199).getAttributes(299).getValue().getStringValue())
        .isEqualTo("value-" + "x".repeat(299));
  }

  static TestSpan fullSpan() {
    Attributes attributes =
        Attributes.builder()
            .put("http.request.method", "GET")
            .put(AttributeKey.longKey("http.response.status_code"), 500L)
            .build();
    Attributes exceptionAttributes =
        Attributes.builder().put("exception.type", "java.lang.IllegalStateException").build();
    SpanContext linked =
        SpanContext.create(
            0xffffffffffffffffL, 1L, 0x8000000000000000L, (byte) 0, TraceState.empty());
    return TestSpan.named("GET /users/{id}")
        .kind(SpanKind.SERVER)
        .context(LOCAL)
        .parent(REMOTE_PARENT)
        .times(1_700_000_000_000_000_000L, 1_700_000_000_250_000_001L)
        .attributes(attributes)
        .dropped(3, 4, 5)
        .event(new EventData("exception", 1_700_000_000_100_000_000L, exceptionAttributes, 2))
        .event(new EventData("bare", 1_700_000_000_200_000_000L, Attributes.empty(), 0))
        .link(new LinkData(REMOTE_PARENT, Attributes.builder().put("link.kind", true).build(), 7))
        .link(new LinkData(linked, Attributes.empty(), 0))
        .status(StatusCode.ERROR, "boom");
  }

  private String describe(ScopeSpans scopeSpans) {
    List<String> names = new ArrayList<>();
    for (Span span : scopeSpans.getSpansList()) {
      names.add(span.getName());
    }
    return scopeSpans.getScope().getName() + "@" + scopeSpans.getScope().getVersion() + ":" + names;
  }

  static Span onlySpan(byte[] bytes) throws Exception {
    List<Span> spans = allSpans(bytes);
    assertThat(spans).hasSize(1);
    return spans.get(0);
  }

  static List<Span> allSpans(byte[] bytes) throws Exception {
    List<Span> spans = new ArrayList<>();
    for (ResourceSpans resourceSpans :
        ExportTraceServiceRequest.parseFrom(bytes).getResourceSpansList()) {
      for (ScopeSpans scopeSpans : resourceSpans.getScopeSpansList()) {
        spans.addAll(scopeSpans.getSpansList());
      }
    }
    return spans;
  }

  static Map<String, AnyValue> asMap(List<KeyValue> keyValues) {
    Map<String, AnyValue> result = new LinkedHashMap<>();
    for (KeyValue keyValue : keyValues) {
      assertThat(result).doesNotContainKey(keyValue.getKey());
      result.put(keyValue.getKey(), keyValue.getValue());
    }
    return result;
  }

  static String hex(ByteString bytes) {
    StringBuilder out = new StringBuilder();
    for (byte b : bytes.toByteArray()) {
      out.append(String.format("%02x", b & 0xFF));
    }
    return out.toString();
  }
}
