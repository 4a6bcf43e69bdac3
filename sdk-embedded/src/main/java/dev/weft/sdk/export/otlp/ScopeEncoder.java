package dev.weft.sdk.export.otlp;

import com.google.protobuf.CodedOutputStream;
import dev.weft.sdk.common.InstrumentationScope;
import java.io.IOException;

/**
 * The body of a {@code common.v1.InstrumentationScope} (name, version, attributes), the same in
 * every signal. The caller writes the field tag; {@link #write} writes the length prefix that
 * {@link #size} recorded, then the body.
 */
final class ScopeEncoder {

  private static final int NAME = 1;
  private static final int VERSION = 2;
  private static final int ATTRIBUTES = 3;

  private ScopeEncoder() {}

  /** The body's size, recorded in {@code sizes} for {@link #write}; 0 for a null scope. */
  static int size(InstrumentationScope scope, MessageSizes sizes) {
    int slot = sizes.reserve();
    int size = 0;
    if (scope != null) {
      size =
          stringSize(NAME, scope.name())
              + stringSize(VERSION, scope.version())
              + AttributeEncoder.size(ATTRIBUTES, scope.attributes(), sizes);
    }
    sizes.set(slot, size);
    return size;
  }

  static void write(InstrumentationScope scope, MessageSizes sizes, CodedOutputStream out)
      throws IOException {
    out.writeUInt32NoTag(sizes.next());
    if (scope == null) {
      return;
    }
    writeString(NAME, scope.name(), out);
    writeString(VERSION, scope.version(), out);
    AttributeEncoder.write(ATTRIBUTES, scope.attributes(), sizes, out);
  }

  private static int stringSize(int field, String value) {
    return value == null || value.isEmpty() ? 0 : CodedOutputStream.computeStringSize(field, value);
  }

  private static void writeString(int field, String value, CodedOutputStream out)
      throws IOException {
    if (value != null && !value.isEmpty()) {
      ProtoStrings.write(out, field, value);
    }
  }
}
