package dev.weft.sdk.propagation;

import static dev.weft.sdk.propagation.HeaderText.indexOf;
import static dev.weft.sdk.propagation.HeaderText.skipOws;
import static dev.weft.sdk.propagation.HeaderText.trimOws;

import dev.weft.core.api.baggage.Baggage;

/**
 * The W3C {@code baggage} header (https://www.w3.org/TR/baggage/): {@code key=value;properties}
 * members separated by commas, with optional white space around members, keys, values and
 * properties.
 *
 * <p>Keys are RFC 9110 tokens, never percent-decoded. Values are percent-decoded as UTF-8.
 * Properties are kept as one opaque, trimmed metadata string (e.g. {@code "ttl=30;private"}), only
 * checked against the grammar. A malformed member is skipped and the rest kept.
 *
 * <p>Limits, in both directions: at most {@value #MAX_ENTRIES} entries, {@value #MAX_ENTRY_BYTES}
 * bytes per member and {@value #MAX_TOTAL_BYTES} bytes for the whole header. An oversized member is
 * skipped; members past the entry or total limit are dropped (never a partial member). Valid
 * headers are ASCII, so characters count as bytes.
 */
final class BaggageCodec {

  static final int MAX_ENTRIES = 180;
  static final int MAX_ENTRY_BYTES = 4096;
  static final int MAX_TOTAL_BYTES = 8192;

  private BaggageCodec() {}

  /** The entries of {@code header} (possibly none); logs once (rate-limited) if any was dropped. */
  static Baggage decode(String header) {
    Baggage.Builder builder = Baggage.builder();
    boolean dropped = false;
    int length = header.length();
    for (int from = 0; from <= length; ) {
      int to = indexOf(header, ',', from, length);
      int start = skipOws(header, from, to);
      int end = trimOws(header, start, to);
      if (start < end) {
        if (end > MAX_TOTAL_BYTES || builder.size() == MAX_ENTRIES) {
          dropped = true;
          break;
        }
        dropped |= end - start > MAX_ENTRY_BYTES || !addMember(header, start, end, builder);
      }
      from = to + 1;
    }
    if (dropped) {
      PropagationLog.malformed("baggage");
    }
    return builder.build();
  }

  private static boolean addMember(String s, int from, int to, Baggage.Builder builder) {
    int equals = indexOf(s, '=', from, to);
    if (equals == to) {
      return false;
    }
    int keyEnd = trimOws(s, from, equals);
    int semicolon = indexOf(s, ';', equals + 1, to);
    int valueStart = skipOws(s, equals + 1, semicolon);
    int valueEnd = trimOws(s, valueStart, semicolon);
    if (!isToken(s, from, keyEnd) || !areBaggageOctets(s, valueStart, valueEnd)) {
      return false;
    }
    String metadata = null;
    if (semicolon < to) {
      int metadataStart = skipOws(s, semicolon + 1, to);
      if (!areProperties(s, metadataStart, to)) {
        return false;
      }
      metadata = s.substring(metadataStart, to);
    }
    String value = PercentCodec.decode(s, valueStart, valueEnd, false);
    if (value == null) {
      return false;
    }
    builder.put(s.substring(from, keyEnd), value, metadata);
    return true;
  }

  /**
   * The header for {@code baggage}: values percent-encoded, metadata appended as it is. Entries
   * whose name is not a token or whose metadata is not a property list are skipped. Empty when
   * nothing can be sent.
   */
  static String encode(Baggage baggage) {
    StringBuilder out = new StringBuilder();
    int sent = 0;
    for (int i = 0; i < baggage.size() && sent < MAX_ENTRIES; i++) {
      String name = baggage.nameAt(i);
      String metadata = baggage.metadataAt(i);
      if (!isToken(name, 0, name.length())
          || (metadata != null && !areProperties(metadata, 0, metadata.length()))) {
        continue;
      }
      int mark = out.length();
      if (mark > 0) {
        out.append(',');
      }
      int memberStart = out.length();
      out.append(name).append('=');
      PercentCodec.encode(baggage.valueAt(i), out);
      if (metadata != null) {
        out.append(';').append(metadata);
      }
      if (out.length() - memberStart > MAX_ENTRY_BYTES) {
        out.setLength(mark);
      } else if (out.length() > MAX_TOTAL_BYTES) {
        out.setLength(mark);
        break;
      } else {
        sent++;
      }
    }
    return out.toString();
  }

  /** {@code property *( OWS ";" OWS property )}, property = {@code token [OWS "=" OWS value]}. */
  static boolean areProperties(String s, int from, int to) {
    for (int start = from; start <= to; ) {
      int end = indexOf(s, ';', start, to);
      int propertyStart = skipOws(s, start, end);
      int propertyEnd = trimOws(s, propertyStart, end);
      int equals = indexOf(s, '=', propertyStart, propertyEnd);
      int keyEnd = trimOws(s, propertyStart, equals);
      if (!isToken(s, propertyStart, keyEnd)) {
        return false; // also rejects an empty property, as in "a=1;;b"
      }
      if (equals < propertyEnd) {
        int valueStart = skipOws(s, equals + 1, propertyEnd);
        if (!areBaggageOctets(s, valueStart, propertyEnd)) {
          return false;
        }
      }
      start = end + 1;
    }
    return true;
  }

  /** A non-empty RFC 9110 token: {@code !#$%&'*+-.^_`|~}, digits and letters. */
  static boolean isToken(String s, int from, int to) {
    if (from >= to) {
      return false;
    }
    for (int i = from; i < to; i++) {
      char c = s.charAt(i);
      boolean alphanumeric =
          (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
      if (!alphanumeric && "!#$%&'*+-.^_`|~".indexOf(c) < 0) {
        return false;
      }
    }
    return true;
  }

  /** baggage-octet: {@code %x21 / %x23-2B / %x2D-3A / %x3C-5B / %x5D-7E}; may be empty. */
  private static boolean areBaggageOctets(String s, int from, int to) {
    for (int i = from; i < to; i++) {
      char c = s.charAt(i);
      if (c < 0x21 || c > 0x7E || c == '"' || c == ',' || c == ';' || c == '\\') {
        return false;
      }
    }
    return true;
  }
}
