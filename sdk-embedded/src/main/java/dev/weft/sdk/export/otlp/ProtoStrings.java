package dev.weft.sdk.export.otlp;

import com.google.protobuf.CodedOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;

/**
 * Writes string fields without protobuf's ill-formed UTF-16 path, which logs a WARNING with a stack
 * trace through java.util.logging for every such string (a truncated attribute value can end in
 * half a surrogate pair). Such strings are written as the JDK encodes them, '?' for the lone
 * surrogate: the same bytes, and so the same size, that {@link CodedOutputStream#computeStringSize}
 * counts for them.
 */
final class ProtoStrings {

  private ProtoStrings() {}

  static void write(CodedOutputStream out, int field, String value) throws IOException {
    if (isWellFormed(value)) {
      out.writeString(field, value);
    } else {
      out.writeByteArray(field, value.getBytes(StandardCharsets.UTF_8));
    }
  }

  static boolean isWellFormed(String value) {
    for (int i = 0; i < value.length(); i++) {
      char c = value.charAt(i);
      if (Character.isSurrogate(c)) {
        if (!Character.isHighSurrogate(c)
            || i + 1 == value.length()
            || !Character.isLowSurrogate(value.charAt(i + 1))) {
          return false;
        }
        i++;
      }
    }
    return true;
  }
}
