package dev.weft.core.config;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.List;
import java.util.Locale;

/** Pure parsers and formatters for configuration values; no state, no logging. */
final class ConfigValues {

  private ConfigValues() {}

  /** Comma-separated entries, trimmed, empty entries dropped; never null. */
  static List<String> splitList(String value) {
    if (value == null) {
      return Collections.emptyList();
    }
    List<String> result = new ArrayList<>();
    for (String part : value.split(",", -1)) {
      String trimmed = part.trim();
      if (!trimmed.isEmpty()) {
        result.add(trimmed);
      }
    }
    return Collections.unmodifiableList(result);
  }

  /**
   * A duration as OpenTelemetry autoconfigure writes it: a non-negative integer with an optional
   * unit ({@code ms}, {@code s}, {@code m}, {@code h}, {@code d}; none means milliseconds), or null
   * when the text is malformed, negative or overflows.
   */
  static Duration parseDuration(String value) {
    String text = value.trim().toLowerCase(Locale.ROOT);
    int end = text.length();
    while (end > 0 && Character.isLetter(text.charAt(end - 1))) {
      end--;
    }
    String number = text.substring(0, end).trim();
    String unit = text.substring(end);
    if (number.isEmpty() || !isDigits(number)) {
      return null; // also rejects a sign: negative durations make no sense for any key
    }
    try {
      long amount = Long.parseLong(number);
      switch (unit) {
        case "":
        case "ms":
          return Duration.ofMillis(amount);
        case "s":
          return Duration.ofSeconds(amount);
        case "m":
          return Duration.ofMinutes(amount);
        case "h":
          return Duration.ofHours(amount);
        case "d":
          return Duration.ofDays(amount);
        default:
          return null;
      }
    } catch (ArithmeticException | NumberFormatException e) {
      return null; // more digits than a long, or more seconds than a Duration holds
    }
  }

  private static boolean isDigits(String text) {
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c < '0' || c > '9') {
        return false;
      }
    }
    return true;
  }

  /**
   * RFC 3986 percent-decoding as W3C baggage values use it: {@code %XX} becomes that byte and the
   * bytes are read as UTF-8. Unlike {@code URLDecoder}, {@code +} stays a plus (base64 credentials
   * in OTLP headers contain it), and a {@code %} not followed by two hex digits is kept literally.
   */
  static String percentDecode(String value) {
    if (value.indexOf('%') < 0) {
      return value;
    }
    ByteArrayOutputStream bytes = new ByteArrayOutputStream(value.length());
    int i = 0;
    while (i < value.length()) {
      char c = value.charAt(i);
      int high = i + 2 < value.length() ? Character.digit(value.charAt(i + 1), 16) : -1;
      int low = high >= 0 ? Character.digit(value.charAt(i + 2), 16) : -1;
      if (c == '%' && low >= 0) {
        bytes.write((high << 4) | low);
        i += 3;
      } else {
        // Copy one code point (a surrogate pair stays together) as UTF-8.
        int end = i + Character.charCount(value.codePointAt(i));
        byte[] encoded = value.substring(i, end).getBytes(StandardCharsets.UTF_8);
        bytes.write(encoded, 0, encoded.length);
        i = end;
      }
    }
    return new String(bytes.toByteArray(), StandardCharsets.UTF_8);
  }

  /** {@code 'value'}, or {@code no value} for null, as warning lines show a fallback. */
  static String quote(Object value) {
    return value == null ? "no value" : "'" + format(value) + "'";
  }

  /** Durations in milliseconds, collections comma-joined, anything else by toString. */
  static String format(Object value) {
    if (value instanceof Duration) {
      return ((Duration) value).toMillis() + "ms";
    }
    if (value instanceof Collection) {
      return String.join(",", stringsOf((Collection<?>) value));
    }
    return String.valueOf(value);
  }

  private static List<String> stringsOf(Collection<?> values) {
    List<String> result = new ArrayList<>(values.size());
    for (Object value : values) {
      result.add(String.valueOf(value));
    }
    return result;
  }

  /** A leading {@code ~} (alone or before a separator) becomes {@code home}. */
  static String expandHome(String path, String home) {
    if (home == null || !path.startsWith("~")) {
      return path;
    }
    if (path.length() == 1 || path.charAt(1) == '/' || path.charAt(1) == '\\') {
      return home + path.substring(1);
    }
    return path; // "~user/..." is a shell feature we do not emulate
  }
}
