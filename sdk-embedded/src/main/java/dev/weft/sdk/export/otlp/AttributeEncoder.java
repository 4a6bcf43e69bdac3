package dev.weft.sdk.export.otlp;

import com.google.protobuf.CodedOutputStream;
import com.google.protobuf.WireFormat;
import dev.weft.core.api.common.AttributeType;
import dev.weft.core.api.common.Attributes;
import java.io.IOException;
import java.util.List;

/**
 * Sizes and writes attributes as repeated {@code common.v1.KeyValue}. Each attribute records two
 * sizes (KeyValue, AnyValue) and an array one more (ArrayValue); array elements are scalars whose
 * sizes are cheap enough to compute twice.
 */
final class AttributeEncoder {

  private static final int LEN = WireFormat.WIRETYPE_LENGTH_DELIMITED;

  // common.v1.KeyValue
  private static final int KEY = 1;
  private static final int VALUE = 2;
  // common.v1.AnyValue (a oneof: written even when the value is the default)
  private static final int STRING_VALUE = 1;
  private static final int BOOL_VALUE = 2;
  private static final int INT_VALUE = 3;
  private static final int DOUBLE_VALUE = 4;
  private static final int ARRAY_VALUE = 5;
  // common.v1.ArrayValue
  private static final int ARRAY_VALUES = 1;

  private AttributeEncoder() {}

  /** Size of {@code attributes} as repeated KeyValue field {@code field}, tags included. */
  static int size(int field, Attributes attributes, MessageSizes sizes) {
    if (attributes == null) {
      return 0;
    }
    int total = 0;
    for (int i = 0; i < attributes.size(); i++) {
      int keyValueSlot = sizes.reserve();
      int anyValueSlot = sizes.reserve();
      int anyValue = sizeAnyValue(attributes.keyAt(i).type(), attributes.valueAt(i), sizes);
      sizes.set(anyValueSlot, anyValue);
      int keyValue =
          CodedOutputStream.computeStringSize(KEY, attributes.keyAt(i).name())
              + lengthDelimitedSize(VALUE, anyValue);
      sizes.set(keyValueSlot, keyValue);
      total += lengthDelimitedSize(field, keyValue);
    }
    return total;
  }

  static void write(int field, Attributes attributes, MessageSizes sizes, CodedOutputStream out)
      throws IOException {
    if (attributes == null) {
      return;
    }
    for (int i = 0; i < attributes.size(); i++) {
      out.writeTag(field, LEN);
      out.writeUInt32NoTag(sizes.next());
      ProtoStrings.write(out, KEY, attributes.keyAt(i).name());
      out.writeTag(VALUE, LEN);
      out.writeUInt32NoTag(sizes.next());
      writeAnyValue(attributes.keyAt(i).type(), attributes.valueAt(i), sizes, out);
    }
  }

  /** Tag, length prefix and body of a length-delimited field whose body is {@code size} bytes. */
  static int lengthDelimitedSize(int field, int size) {
    return CodedOutputStream.computeTagSize(field)
        + CodedOutputStream.computeUInt32SizeNoTag(size)
        + size;
  }

  private static int sizeAnyValue(AttributeType type, Object value, MessageSizes sizes) {
    switch (type) {
      case STRING_ARRAY:
      case BOOLEAN_ARRAY:
      case LONG_ARRAY:
      case DOUBLE_ARRAY:
        int slot = sizes.reserve();
        int array = sizeArrayValue(scalarOf(type), (List<?>) value);
        sizes.set(slot, array);
        return lengthDelimitedSize(ARRAY_VALUE, array);
      default:
        return sizeScalar(type, value);
    }
  }

  private static void writeAnyValue(
      AttributeType type, Object value, MessageSizes sizes, CodedOutputStream out)
      throws IOException {
    switch (type) {
      case STRING_ARRAY:
      case BOOLEAN_ARRAY:
      case LONG_ARRAY:
      case DOUBLE_ARRAY:
        out.writeTag(ARRAY_VALUE, LEN);
        out.writeUInt32NoTag(sizes.next());
        AttributeType elementType = scalarOf(type);
        for (Object element : (List<?>) value) {
          out.writeTag(ARRAY_VALUES, LEN);
          out.writeUInt32NoTag(sizeScalar(elementType, element));
          writeScalar(elementType, element, out);
        }
        return;
      default:
        writeScalar(type, value, out);
    }
  }

  private static int sizeArrayValue(AttributeType elementType, List<?> values) {
    int total = 0;
    for (Object element : values) {
      total += lengthDelimitedSize(ARRAY_VALUES, sizeScalar(elementType, element));
    }
    return total;
  }

  /** A null (array element) is an AnyValue with nothing set. */
  private static int sizeScalar(AttributeType type, Object value) {
    if (value == null) {
      return 0;
    }
    switch (type) {
      case STRING:
        return CodedOutputStream.computeStringSize(STRING_VALUE, value.toString());
      case BOOLEAN:
        return CodedOutputStream.computeBoolSize(BOOL_VALUE, (Boolean) value);
      case LONG:
        return CodedOutputStream.computeInt64Size(INT_VALUE, ((Number) value).longValue());
      case DOUBLE:
        return CodedOutputStream.computeDoubleSize(DOUBLE_VALUE, ((Number) value).doubleValue());
      default:
        throw new IllegalArgumentException("not a scalar type: " + type);
    }
  }

  private static void writeScalar(AttributeType type, Object value, CodedOutputStream out)
      throws IOException {
    if (value == null) {
      return;
    }
    switch (type) {
      case STRING:
        ProtoStrings.write(out, STRING_VALUE, value.toString());
        return;
      case BOOLEAN:
        out.writeBool(BOOL_VALUE, (Boolean) value);
        return;
      case LONG:
        out.writeInt64(INT_VALUE, ((Number) value).longValue());
        return;
      case DOUBLE:
        out.writeDouble(DOUBLE_VALUE, ((Number) value).doubleValue());
        return;
      default:
        throw new IllegalArgumentException("not a scalar type: " + type);
    }
  }

  private static AttributeType scalarOf(AttributeType arrayType) {
    switch (arrayType) {
      case STRING_ARRAY:
        return AttributeType.STRING;
      case BOOLEAN_ARRAY:
        return AttributeType.BOOLEAN;
      case LONG_ARRAY:
        return AttributeType.LONG;
      default:
        return AttributeType.DOUBLE;
    }
  }
}
