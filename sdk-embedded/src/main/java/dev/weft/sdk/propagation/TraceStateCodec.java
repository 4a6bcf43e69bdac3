package dev.weft.sdk.propagation;

import static dev.weft.sdk.propagation.HeaderText.skipOws;
import static dev.weft.sdk.propagation.HeaderText.trimOws;

import dev.weft.core.api.trace.TraceState;
import java.util.Arrays;

/**
 * The W3C {@code tracestate} header (Trace Context level 1, section 3.3): strict parsing, where any
 * invalid member invalidates the whole header, and the 512-character truncation guidance on
 * injection.
 *
 * <p>Keys follow the level 1 grammar: a simple key ({@code lcalpha 0*255(keychar)}) or a
 * multi-tenant key ({@code tenant@system}, tenant up to 241 characters starting with a letter or
 * digit, system up to 14 starting with a letter), where keychar is {@code a-z 0-9 _ - * /}. Level 2
 * relaxed this (any key of those characters plus {@code @}, starting with a letter or digit); a key
 * valid under level 1 is valid under both, so a header we send is accepted by every receiver.
 */
final class TraceStateCodec {

  static final int MAX_MEMBERS = 32;
  static final int MAX_VALUE_LENGTH = 256;
  static final int MAX_KEY_LENGTH = 256;
  private static final int MAX_TENANT_LENGTH = 241;
  private static final int MAX_SYSTEM_LENGTH = 14;
  // Guidance from the spec (3.3.1.5): propagate at least 512 characters; when truncating, drop
  // members longer than 128 characters first, then members from the end.
  static final int PROPAGATED_LENGTH = 512;
  private static final int LARGE_MEMBER = 128;
  // 32 members of 256 + 1 + 256 characters are 16 kB with commas; twice that leaves room for
  // optional white space. Longer headers are rejected before they are scanned.
  static final int MAX_HEADER_LENGTH = 32 * 1024;

  private TraceStateCodec() {}

  /**
   * The trace state in {@code header}, {@link TraceState#empty()} for a header with no members, or
   * null when any member is invalid, a key repeats, there are more than 32 members or the header is
   * over {@link #MAX_HEADER_LENGTH}.
   */
  static TraceState parse(String header) {
    if (header.length() > MAX_HEADER_LENGTH) {
      return null;
    }
    int members = countValidMembers(header);
    if (members <= 0) {
      return members == 0 ? TraceState.empty() : null;
    }
    String[] keysAndValues = new String[members * 2];
    int next = 0;
    for (int from = 0; from <= header.length(); ) {
      int to = memberEnd(header, from);
      int start = skipOws(header, from, to);
      int end = trimOws(header, start, to);
      if (start < end) {
        int equals = header.indexOf('=', start);
        String key = header.substring(start, equals);
        if (contains(keysAndValues, next, key)) {
          return null; // "Only one entry per key is allowed" (3.3.1.4)
        }
        keysAndValues[next++] = key;
        keysAndValues[next++] = header.substring(equals + 1, end);
      }
      from = to + 1;
    }
    return TraceState.ofValidated(Arrays.asList(keysAndValues));
  }

  /** Number of non-empty members, or -1 when one is invalid or there are too many. */
  private static int countValidMembers(String header) {
    int count = 0;
    for (int from = 0; from <= header.length(); ) {
      int to = memberEnd(header, from);
      int start = skipOws(header, from, to);
      int end = trimOws(header, start, to);
      if (start < end) {
        if (++count > MAX_MEMBERS || !isValidMember(header, start, end)) {
          return -1;
        }
      }
      from = to + 1;
    }
    return count;
  }

  private static boolean isValidMember(String s, int from, int to) {
    int equals = s.indexOf('=', from);
    return equals > 0
        && equals < to
        && isValidKey(s, from, equals)
        && isValidValue(s, equals + 1, to);
  }

  // Visible for testing
  static boolean isValidKey(String s, int from, int to) {
    int length = to - from;
    if (length <= 0 || length > MAX_KEY_LENGTH) {
      return false;
    }
    int at = s.indexOf('@', from);
    if (at < 0 || at >= to) {
      return isLowerAlpha(s.charAt(from)) && areKeyChars(s, from + 1, to);
    }
    int tenantLength = at - from;
    int systemLength = to - at - 1;
    return tenantLength >= 1
        && tenantLength <= MAX_TENANT_LENGTH
        && (isLowerAlpha(s.charAt(from)) || isDigit(s.charAt(from)))
        && areKeyChars(s, from + 1, at)
        && systemLength >= 1
        && systemLength <= MAX_SYSTEM_LENGTH
        && isLowerAlpha(s.charAt(at + 1))
        && areKeyChars(s, at + 2, to);
  }

  // Visible for testing
  static boolean isValidValue(String s, int from, int to) {
    int length = to - from;
    if (length <= 0 || length > MAX_VALUE_LENGTH || s.charAt(to - 1) == ' ') {
      return false;
    }
    for (int i = from; i < to; i++) {
      char c = s.charAt(i);
      if (c < 0x20 || c > 0x7E || c == ',' || c == '=') {
        return false;
      }
    }
    return true;
  }

  /**
   * The header for {@code state}, truncated per the spec's guidance when it is longer than 512
   * characters; empty when there is nothing to send.
   */
  static String toHeader(TraceState state) {
    int size = state.size();
    if (size == 0) {
      return "";
    }
    int length = -1;
    for (int i = 0; i < size; i++) {
      length += memberLength(state, i) + 1;
    }
    if (length <= PROPAGATED_LENGTH) {
      return state.toHeader();
    }
    StringBuilder out = new StringBuilder(PROPAGATED_LENGTH);
    for (int i = 0; i < size; i++) {
      int member = memberLength(state, i);
      if (member > LARGE_MEMBER) {
        continue;
      }
      int needed = out.length() == 0 ? member : member + 1;
      if (out.length() + needed > PROPAGATED_LENGTH) {
        break; // whole members only, dropped from the end
      }
      if (out.length() > 0) {
        out.append(',');
      }
      out.append(state.keyAt(i)).append('=').append(state.valueAt(i));
    }
    return out.toString();
  }

  private static int memberLength(TraceState state, int index) {
    return state.keyAt(index).length() + 1 + state.valueAt(index).length();
  }

  private static int memberEnd(String s, int from) {
    int comma = s.indexOf(',', from);
    return comma < 0 ? s.length() : comma;
  }

  private static boolean contains(String[] keysAndValues, int end, String key) {
    for (int i = 0; i < end; i += 2) {
      if (keysAndValues[i].equals(key)) {
        return true;
      }
    }
    return false;
  }

  private static boolean areKeyChars(String s, int from, int to) {
    for (int i = from; i < to; i++) {
      char c = s.charAt(i);
      if (!isLowerAlpha(c) && !isDigit(c) && c != '_' && c != '-' && c != '*' && c != '/') {
        return false;
      }
    }
    return true;
  }

  private static boolean isLowerAlpha(char c) {
    return c >= 'a' && c <= 'z';
  }

  private static boolean isDigit(char c) {
    return c >= '0' && c <= '9';
  }
}
