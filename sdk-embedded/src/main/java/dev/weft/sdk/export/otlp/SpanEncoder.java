package dev.weft.sdk.export.otlp;

import static dev.weft.sdk.export.otlp.AttributeEncoder.lengthDelimitedSize;

import com.google.protobuf.CodedOutputStream;
import com.google.protobuf.WireFormat;
import dev.weft.core.api.trace.SpanContext;
import dev.weft.core.api.trace.StatusCode;
import dev.weft.sdk.trace.data.EventData;
import dev.weft.sdk.trace.data.LinkData;
import dev.weft.sdk.trace.data.SpanData;
import java.io.IOException;
import java.util.List;

/**
 * Sizes and writes one {@code trace.v1.Span} (with its events, links and status) straight from
 * {@link SpanData}. The size and write methods visit fields in the same order and under the same
 * conditions; {@link MessageSizes} carries the nested sizes from one pass to the other.
 */
final class SpanEncoder {

  private static final int LEN = WireFormat.WIRETYPE_LENGTH_DELIMITED;
  private static final int TRACE_ID_BYTES = 16;
  private static final int SPAN_ID_BYTES = 8;

  // OTLP 1.x SpanFlags: bits 0-7 are the W3C trace flags.
  static final int CONTEXT_HAS_IS_REMOTE_MASK = 0x100;
  static final int CONTEXT_IS_REMOTE_MASK = 0x200;

  // trace.v1.Span
  private static final int TRACE_ID = 1;
  private static final int SPAN_ID = 2;
  private static final int TRACE_STATE = 3;
  private static final int PARENT_SPAN_ID = 4;
  private static final int NAME = 5;
  private static final int KIND = 6;
  private static final int START_TIME = 7;
  private static final int END_TIME = 8;
  private static final int ATTRIBUTES = 9;
  private static final int DROPPED_ATTRIBUTES = 10;
  private static final int EVENTS = 11;
  private static final int DROPPED_EVENTS = 12;
  private static final int LINKS = 13;
  private static final int DROPPED_LINKS = 14;
  private static final int STATUS = 15;
  private static final int FLAGS = 16;
  // trace.v1.Span.Event
  private static final int EVENT_TIME = 1;
  private static final int EVENT_NAME = 2;
  private static final int EVENT_ATTRIBUTES = 3;
  private static final int EVENT_DROPPED_ATTRIBUTES = 4;
  // trace.v1.Span.Link
  private static final int LINK_TRACE_ID = 1;
  private static final int LINK_SPAN_ID = 2;
  private static final int LINK_TRACE_STATE = 3;
  private static final int LINK_ATTRIBUTES = 4;
  private static final int LINK_DROPPED_ATTRIBUTES = 5;
  private static final int LINK_FLAGS = 6;
  // trace.v1.Status (field 1 is reserved)
  private static final int STATUS_MESSAGE = 2;
  private static final int STATUS_CODE = 3;

  private static final int TRACE_ID_FIELD_SIZE = lengthDelimitedSize(TRACE_ID, TRACE_ID_BYTES);
  private static final int SPAN_ID_FIELD_SIZE = lengthDelimitedSize(SPAN_ID, SPAN_ID_BYTES);
  private static final int PARENT_ID_FIELD_SIZE =
      lengthDelimitedSize(PARENT_SPAN_ID, SPAN_ID_BYTES);

  private SpanEncoder() {}

  /** Size of {@code span} as field {@code field} of its ScopeSpans, tag included. */
  static int size(int field, SpanData span, MessageSizes sizes) {
    int slot = sizes.reserve();
    SpanContext context = span.spanContext();
    SpanContext parent = span.parentSpanContext();
    int size = TRACE_ID_FIELD_SIZE + SPAN_ID_FIELD_SIZE;
    size += stringSize(TRACE_STATE, context.traceState().toHeader());
    size += hasParent(parent) ? PARENT_ID_FIELD_SIZE : 0;
    size += stringSize(NAME, span.name());
    size += CodedOutputStream.computeEnumSize(KIND, span.kind().ordinal() + 1);
    size += fixed64Size(START_TIME, span.startEpochNanos());
    size += fixed64Size(END_TIME, span.endEpochNanos());
    size += AttributeEncoder.size(ATTRIBUTES, span.attributes(), sizes);
    size += uint32Size(DROPPED_ATTRIBUTES, span.droppedAttributesCount());
    for (EventData event : nonNull(span.events())) {
      size += sizeEvent(event, sizes);
    }
    size += uint32Size(DROPPED_EVENTS, span.droppedEventsCount());
    for (LinkData link : nonNull(span.links())) {
      size += sizeLink(link, sizes);
    }
    size += uint32Size(DROPPED_LINKS, span.droppedLinksCount());
    size += hasStatus(span) ? sizeStatus(span, sizes) : 0;
    size += CodedOutputStream.computeFixed32Size(FLAGS, flags(context, parent.isRemote()));
    sizes.set(slot, size);
    return lengthDelimitedSize(field, size);
  }

  static void write(int field, SpanData span, MessageSizes sizes, CodedOutputStream out)
      throws IOException {
    out.writeTag(field, LEN);
    out.writeUInt32NoTag(sizes.next());
    SpanContext context = span.spanContext();
    SpanContext parent = span.parentSpanContext();
    writeTraceId(TRACE_ID, context, out);
    writeSpanId(SPAN_ID, context.spanId(), out);
    writeString(TRACE_STATE, context.traceState().toHeader(), out);
    if (hasParent(parent)) {
      writeSpanId(PARENT_SPAN_ID, parent.spanId(), out);
    }
    writeString(NAME, span.name(), out);
    out.writeEnum(KIND, span.kind().ordinal() + 1);
    writeFixed64(START_TIME, span.startEpochNanos(), out);
    writeFixed64(END_TIME, span.endEpochNanos(), out);
    AttributeEncoder.write(ATTRIBUTES, span.attributes(), sizes, out);
    writeUInt32(DROPPED_ATTRIBUTES, span.droppedAttributesCount(), out);
    for (EventData event : nonNull(span.events())) {
      writeEvent(event, sizes, out);
    }
    writeUInt32(DROPPED_EVENTS, span.droppedEventsCount(), out);
    for (LinkData link : nonNull(span.links())) {
      writeLink(link, sizes, out);
    }
    writeUInt32(DROPPED_LINKS, span.droppedLinksCount(), out);
    if (hasStatus(span)) {
      writeStatus(span, sizes, out);
    }
    out.writeFixed32(FLAGS, flags(context, parent.isRemote()));
  }

  /**
   * W3C flags plus the OTLP 1.x remote bits: "has is_remote" is always set because this SDK always
   * knows whether the parent (or linked) context came from another process.
   */
  static int flags(SpanContext context, boolean remote) {
    return (context.flags() & 0xFF)
        | CONTEXT_HAS_IS_REMOTE_MASK
        | (remote ? CONTEXT_IS_REMOTE_MASK : 0);
  }

  private static int sizeEvent(EventData event, MessageSizes sizes) {
    int slot = sizes.reserve();
    int size = fixed64Size(EVENT_TIME, event.epochNanos());
    size += stringSize(EVENT_NAME, event.name());
    size += AttributeEncoder.size(EVENT_ATTRIBUTES, event.attributes(), sizes);
    size += uint32Size(EVENT_DROPPED_ATTRIBUTES, event.droppedAttributesCount());
    sizes.set(slot, size);
    return lengthDelimitedSize(EVENTS, size);
  }

  private static void writeEvent(EventData event, MessageSizes sizes, CodedOutputStream out)
      throws IOException {
    out.writeTag(EVENTS, LEN);
    out.writeUInt32NoTag(sizes.next());
    writeFixed64(EVENT_TIME, event.epochNanos(), out);
    writeString(EVENT_NAME, event.name(), out);
    AttributeEncoder.write(EVENT_ATTRIBUTES, event.attributes(), sizes, out);
    writeUInt32(EVENT_DROPPED_ATTRIBUTES, event.droppedAttributesCount(), out);
  }

  private static int sizeLink(LinkData link, MessageSizes sizes) {
    int slot = sizes.reserve();
    SpanContext context = link.spanContext();
    int size = TRACE_ID_FIELD_SIZE + SPAN_ID_FIELD_SIZE; // same field numbers as in Span
    size += stringSize(LINK_TRACE_STATE, context.traceState().toHeader());
    size += AttributeEncoder.size(LINK_ATTRIBUTES, link.attributes(), sizes);
    size += uint32Size(LINK_DROPPED_ATTRIBUTES, link.droppedAttributesCount());
    size += CodedOutputStream.computeFixed32Size(LINK_FLAGS, flags(context, context.isRemote()));
    sizes.set(slot, size);
    return lengthDelimitedSize(LINKS, size);
  }

  private static void writeLink(LinkData link, MessageSizes sizes, CodedOutputStream out)
      throws IOException {
    out.writeTag(LINKS, LEN);
    out.writeUInt32NoTag(sizes.next());
    SpanContext context = link.spanContext();
    writeTraceId(LINK_TRACE_ID, context, out);
    writeSpanId(LINK_SPAN_ID, context.spanId(), out);
    writeString(LINK_TRACE_STATE, context.traceState().toHeader(), out);
    AttributeEncoder.write(LINK_ATTRIBUTES, link.attributes(), sizes, out);
    writeUInt32(LINK_DROPPED_ATTRIBUTES, link.droppedAttributesCount(), out);
    out.writeFixed32(LINK_FLAGS, flags(context, context.isRemote()));
  }

  private static boolean hasStatus(SpanData span) {
    return span.statusCode() != StatusCode.UNSET || !isEmpty(span.statusDescription());
  }

  private static int sizeStatus(SpanData span, MessageSizes sizes) {
    int slot = sizes.reserve();
    int size = stringSize(STATUS_MESSAGE, span.statusDescription());
    size += enumSize(STATUS_CODE, span.statusCode().ordinal());
    sizes.set(slot, size);
    return lengthDelimitedSize(STATUS, size);
  }

  private static void writeStatus(SpanData span, MessageSizes sizes, CodedOutputStream out)
      throws IOException {
    out.writeTag(STATUS, LEN);
    out.writeUInt32NoTag(sizes.next());
    writeString(STATUS_MESSAGE, span.statusDescription(), out);
    if (span.statusCode().ordinal() != 0) {
      out.writeEnum(STATUS_CODE, span.statusCode().ordinal());
    }
  }

  private static boolean hasParent(SpanContext parent) {
    return parent.isValid();
  }

  /** Ids are big-endian bytes: the hex form read left to right. */
  private static void writeTraceId(int field, SpanContext context, CodedOutputStream out)
      throws IOException {
    out.writeTag(field, LEN);
    out.writeUInt32NoTag(TRACE_ID_BYTES);
    writeBigEndian(context.traceIdHigh(), out);
    writeBigEndian(context.traceIdLow(), out);
  }

  private static void writeSpanId(int field, long spanId, CodedOutputStream out)
      throws IOException {
    out.writeTag(field, LEN);
    out.writeUInt32NoTag(SPAN_ID_BYTES);
    writeBigEndian(spanId, out);
  }

  private static void writeBigEndian(long value, CodedOutputStream out) throws IOException {
    for (int shift = 56; shift >= 0; shift -= 8) {
      out.writeRawByte((byte) (value >>> shift));
    }
  }

  // proto3: default values (0, "") are not written.

  private static int stringSize(int field, String value) {
    return isEmpty(value) ? 0 : CodedOutputStream.computeStringSize(field, value);
  }

  private static void writeString(int field, String value, CodedOutputStream out)
      throws IOException {
    if (!isEmpty(value)) {
      ProtoStrings.write(out, field, value);
    }
  }

  private static int fixed64Size(int field, long value) {
    return value == 0 ? 0 : CodedOutputStream.computeFixed64Size(field, value);
  }

  private static void writeFixed64(int field, long value, CodedOutputStream out)
      throws IOException {
    if (value != 0) {
      out.writeFixed64(field, value);
    }
  }

  private static int uint32Size(int field, int value) {
    return value == 0 ? 0 : CodedOutputStream.computeUInt32Size(field, value);
  }

  private static void writeUInt32(int field, int value, CodedOutputStream out) throws IOException {
    if (value != 0) {
      out.writeUInt32(field, value);
    }
  }

  private static int enumSize(int field, int value) {
    return value == 0 ? 0 : CodedOutputStream.computeEnumSize(field, value);
  }

  private static boolean isEmpty(String value) {
    return value == null || value.isEmpty();
  }

  private static <T> List<T> nonNull(List<T> list) {
    return list == null ? List.of() : list;
  }
}
