package dev.weft.sdk.export.otlp;

import static dev.weft.sdk.export.otlp.AttributeEncoder.lengthDelimitedSize;

import com.google.protobuf.CodedOutputStream;
import com.google.protobuf.WireFormat;
import dev.weft.core.api.common.Attributes;
import dev.weft.sdk.common.InstrumentationScope;
import dev.weft.sdk.resources.Resource;
import dev.weft.sdk.trace.data.SpanData;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Encodes spans as an OTLP {@code ExportTraceServiceRequest}, field by field with protobuf's {@link
 * CodedOutputStream}: no generated classes and no message object per span. Spans are grouped by
 * resource, then by instrumentation scope, keeping first-seen order. A sizing pass records every
 * nested message's length, then the writing pass fills one byte array of exactly the request's
 * size. Stateless and thread-safe.
 */
public final class OtlpTraceEncoder {

  private static final int LEN = WireFormat.WIRETYPE_LENGTH_DELIMITED;

  // collector.trace.v1.ExportTraceServiceRequest
  private static final int RESOURCE_SPANS = 1;
  // trace.v1.ResourceSpans
  private static final int RESOURCE = 1;
  private static final int SCOPE_SPANS = 2;
  // resource.v1.Resource
  private static final int RESOURCE_ATTRIBUTES = 1;
  // trace.v1.ScopeSpans
  private static final int SCOPE = 1;
  private static final int SPANS = 2;
  private static final int SCOPE_SPANS_SCHEMA_URL = 3;

  private OtlpTraceEncoder() {}

  /** The serialized request; an empty array for no spans. */
  public static byte[] encode(Collection<? extends SpanData> spans) {
    Map<Resource, Map<InstrumentationScope, List<SpanData>>> groups = group(spans);
    // Roughly: span, status, a few attributes with two sizes each.
    MessageSizes sizes = new MessageSizes(spans.size() * 12 + groups.size() * 4);
    int total = sizeRequest(groups, sizes);
    byte[] bytes = new byte[total];
    CodedOutputStream out = CodedOutputStream.newInstance(bytes);
    try {
      writeRequest(groups, sizes, out);
    } catch (IOException e) {
      // Only thrown when the sizing pass was wrong: a bug, not an I/O condition.
      throw new UncheckedIOException("OTLP size/write mismatch", e);
    }
    out.checkNoSpaceLeft();
    if (!sizes.fullyConsumed()) {
      throw new IllegalStateException("OTLP size/write mismatch: sizes left unread");
    }
    return bytes;
  }

  private static Map<Resource, Map<InstrumentationScope, List<SpanData>>> group(
      Collection<? extends SpanData> spans) {
    Map<Resource, Map<InstrumentationScope, List<SpanData>>> groups = new LinkedHashMap<>();
    // Nearly every span shares its predecessor's resource and scope: skip the hash lookups then.
    Resource lastResource = null;
    InstrumentationScope lastScope = null;
    List<SpanData> lastList = null;
    for (SpanData span : spans) {
      Resource resource = span.resource();
      InstrumentationScope scope = span.instrumentationScope();
      if (resource != lastResource || scope != lastScope) {
        lastList =
            groups
                .computeIfAbsent(resource, r -> new LinkedHashMap<>())
                .computeIfAbsent(scope, s -> new ArrayList<>());
        lastResource = resource;
        lastScope = scope;
      }
      lastList.add(span);
    }
    return groups;
  }

  private static int sizeRequest(
      Map<Resource, Map<InstrumentationScope, List<SpanData>>> groups, MessageSizes sizes) {
    int total = 0;
    for (Map.Entry<Resource, Map<InstrumentationScope, List<SpanData>>> group : groups.entrySet()) {
      int resourceSpansSlot = sizes.reserve();
      int resourceSlot = sizes.reserve();
      int resource = AttributeEncoder.size(RESOURCE_ATTRIBUTES, attributesOf(group), sizes);
      sizes.set(resourceSlot, resource);
      int resourceSpans = lengthDelimitedSize(RESOURCE, resource);
      for (Map.Entry<InstrumentationScope, List<SpanData>> scope : group.getValue().entrySet()) {
        resourceSpans += sizeScopeSpans(scope.getKey(), scope.getValue(), sizes);
      }
      sizes.set(resourceSpansSlot, resourceSpans);
      total += lengthDelimitedSize(RESOURCE_SPANS, resourceSpans);
    }
    return total;
  }

  private static void writeRequest(
      Map<Resource, Map<InstrumentationScope, List<SpanData>>> groups,
      MessageSizes sizes,
      CodedOutputStream out)
      throws IOException {
    for (Map.Entry<Resource, Map<InstrumentationScope, List<SpanData>>> group : groups.entrySet()) {
      writeLengthPrefix(RESOURCE_SPANS, sizes, out);
      writeLengthPrefix(RESOURCE, sizes, out);
      AttributeEncoder.write(RESOURCE_ATTRIBUTES, attributesOf(group), sizes, out);
      for (Map.Entry<InstrumentationScope, List<SpanData>> scope : group.getValue().entrySet()) {
        writeScopeSpans(scope.getKey(), scope.getValue(), sizes, out);
      }
    }
  }

  private static int sizeScopeSpans(
      InstrumentationScope scope, List<SpanData> spans, MessageSizes sizes) {
    int scopeSpansSlot = sizes.reserve();
    int scopeSpans = lengthDelimitedSize(SCOPE, ScopeEncoder.size(scope, sizes));
    for (int i = 0; i < spans.size(); i++) {
      scopeSpans += SpanEncoder.size(SPANS, spans.get(i), sizes);
    }
    scopeSpans += nonEmptySize(SCOPE_SPANS_SCHEMA_URL, scope == null ? null : scope.schemaUrl());
    sizes.set(scopeSpansSlot, scopeSpans);
    return lengthDelimitedSize(SCOPE_SPANS, scopeSpans);
  }

  private static void writeScopeSpans(
      InstrumentationScope scope, List<SpanData> spans, MessageSizes sizes, CodedOutputStream out)
      throws IOException {
    writeLengthPrefix(SCOPE_SPANS, sizes, out);
    out.writeTag(SCOPE, LEN);
    ScopeEncoder.write(scope, sizes, out);
    for (int i = 0; i < spans.size(); i++) {
      SpanEncoder.write(SPANS, spans.get(i), sizes, out);
    }
    writeNonEmpty(SCOPE_SPANS_SCHEMA_URL, scope == null ? null : scope.schemaUrl(), out);
  }

  private static void writeLengthPrefix(int field, MessageSizes sizes, CodedOutputStream out)
      throws IOException {
    out.writeTag(field, LEN);
    out.writeUInt32NoTag(sizes.next());
  }

  private static Attributes attributesOf(
      Map.Entry<Resource, Map<InstrumentationScope, List<SpanData>>> group) {
    Resource resource = group.getKey();
    return resource == null ? null : resource.attributes();
  }

  private static int nonEmptySize(int field, String value) {
    return value == null || value.isEmpty() ? 0 : CodedOutputStream.computeStringSize(field, value);
  }

  private static void writeNonEmpty(int field, String value, CodedOutputStream out)
      throws IOException {
    if (value != null && !value.isEmpty()) {
      ProtoStrings.write(out, field, value);
    }
  }
}
