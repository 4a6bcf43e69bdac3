package dev.weft.sdk.export.otlp;

import static dev.weft.sdk.export.otlp.AttributeEncoder.lengthDelimitedSize;

import com.google.protobuf.CodedOutputStream;
import com.google.protobuf.WireFormat;
import dev.weft.core.api.trace.SpanContext;
import dev.weft.sdk.logs.LogRecordData;
import java.io.IOException;

/**
 * Sizes and writes one {@code logs.v1.LogRecord} straight from {@link LogRecordData}. Both passes
 * visit fields in the same order under the same conditions; {@link MessageSizes} carries the nested
 * sizes (the body's AnyValue, the attributes) from one to the other.
 */
final class LogRecordEncoder {

  private static final int LEN = WireFormat.WIRETYPE_LENGTH_DELIMITED;
  private static final int TRACE_ID_BYTES = 16;
  private static final int SPAN_ID_BYTES = 8;

  // logs.v1.LogRecord (field 4 is reserved)
  private static final int TIME = 1;
  private static final int SEVERITY_NUMBER = 2;
  private static final int SEVERITY_TEXT = 3;
  private static final int BODY = 5;
  private static final int ATTRIBUTES = 6;
  private static final int DROPPED_ATTRIBUTES = 7;
  private static final int FLAGS = 8;
  private static final int TRACE_ID = 9;
  private static final int SPAN_ID = 10;
  private static final int OBSERVED_TIME = 11;
  // common.v1.AnyValue
  private static final int STRING_VALUE = 1;

  private static final int TRACE_ID_FIELD_SIZE = lengthDelimitedSize(TRACE_ID, TRACE_ID_BYTES);
  private static final int SPAN_ID_FIELD_SIZE = lengthDelimitedSize(SPAN_ID, SPAN_ID_BYTES);

  private LogRecordEncoder() {}

  /** Size of {@code record} as field {@code field} of its ScopeLogs, tag included. */
  static int size(int field, LogRecordData record, MessageSizes sizes) {
    int slot = sizes.reserve();
    SpanContext context = record.spanContext();
    int size = fixed64Size(TIME, record.timestampEpochNanos());
    int severity = record.severity().number();
    size += severity == 0 ? 0 : CodedOutputStream.computeEnumSize(SEVERITY_NUMBER, severity);
    size += stringSize(SEVERITY_TEXT, record.severityText());
    if (record.body() != null) {
      int bodySlot = sizes.reserve();
      int body = CodedOutputStream.computeStringSize(STRING_VALUE, record.body());
      sizes.set(bodySlot, body);
      size += lengthDelimitedSize(BODY, body);
    }
    size += AttributeEncoder.size(ATTRIBUTES, record.attributes(), sizes);
    int dropped = record.droppedAttributesCount();
    size += dropped == 0 ? 0 : CodedOutputStream.computeUInt32Size(DROPPED_ATTRIBUTES, dropped);
    if (context.isValid()) {
      int flags = context.flags() & 0xFF;
      size += flags == 0 ? 0 : CodedOutputStream.computeFixed32Size(FLAGS, flags);
      size += TRACE_ID_FIELD_SIZE + SPAN_ID_FIELD_SIZE;
    }
    size += fixed64Size(OBSERVED_TIME, record.observedTimestampEpochNanos());
    sizes.set(slot, size);
    return lengthDelimitedSize(field, size);
  }

  static void write(int field, LogRecordData record, MessageSizes sizes, CodedOutputStream out)
      throws IOException {
    out.writeTag(field, LEN);
    out.writeUInt32NoTag(sizes.next());
    SpanContext context = record.spanContext();
    writeFixed64(TIME, record.timestampEpochNanos(), out);
    int severity = record.severity().number();
    if (severity != 0) {
      out.writeEnum(SEVERITY_NUMBER, severity);
    }
    String severityText = record.severityText();
    if (severityText != null && !severityText.isEmpty()) {
      ProtoStrings.write(out, SEVERITY_TEXT, severityText);
    }
    if (record.body() != null) {
      out.writeTag(BODY, LEN);
      out.writeUInt32NoTag(sizes.next());
      ProtoStrings.write(out, STRING_VALUE, record.body());
    }
    AttributeEncoder.write(ATTRIBUTES, record.attributes(), sizes, out);
    int dropped = record.droppedAttributesCount();
    if (dropped != 0) {
      out.writeUInt32(DROPPED_ATTRIBUTES, dropped);
    }
    if (context.isValid()) {
      int flags = context.flags() & 0xFF;
      if (flags != 0) {
        out.writeFixed32(FLAGS, flags);
      }
      out.writeTag(TRACE_ID, LEN);
      out.writeUInt32NoTag(TRACE_ID_BYTES);
      writeBigEndian(context.traceIdHigh(), out);
      writeBigEndian(context.traceIdLow(), out);
      out.writeTag(SPAN_ID, LEN);
      out.writeUInt32NoTag(SPAN_ID_BYTES);
      writeBigEndian(context.spanId(), out);
    }
    writeFixed64(OBSERVED_TIME, record.observedTimestampEpochNanos(), out);
  }

  private static void writeBigEndian(long value, CodedOutputStream out) throws IOException {
    for (int shift = 56; shift >= 0; shift -= 8) {
      out.writeRawByte((byte) (value >>> shift));
    }
  }

  private static int stringSize(int field, String value) {
    return value == null || value.isEmpty() ? 0 : CodedOutputStream.computeStringSize(field, value);
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
}
