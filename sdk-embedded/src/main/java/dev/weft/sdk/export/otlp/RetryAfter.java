package dev.weft.sdk.export.otlp;

import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.concurrent.TimeUnit;

/** The HTTP {@code Retry-After} header (RFC 9110 section 10.2.3) as a delay. */
final class RetryAfter {

  private RetryAfter() {}

  /**
   * Delta-seconds or an HTTP-date, as nanoseconds from {@code now}; a date in the past is 0. Null,
   * malformed or negative values give -1 (the caller falls back to its backoff).
   */
  static long parseNanos(String header, Instant now) {
    if (header == null) {
      return -1;
    }
    String value = header.trim();
    if (!value.isEmpty() && isDigits(value)) {
      try {
        // Clamp absurd values; the retrier refuses any delay past the export timeout anyway.
        return TimeUnit.SECONDS.toNanos(
            Math.min(Long.parseLong(value), TimeUnit.DAYS.toSeconds(1)));
      } catch (NumberFormatException e) {
        return TimeUnit.DAYS.toNanos(1); // more digits than a long: very far away
      }
    }
    try {
      Instant at = ZonedDateTime.parse(value, DateTimeFormatter.RFC_1123_DATE_TIME).toInstant();
      long millis = at.toEpochMilli() - now.toEpochMilli();
      return TimeUnit.MILLISECONDS.toNanos(
          Math.max(0, Math.min(millis, TimeUnit.DAYS.toMillis(1))));
    } catch (DateTimeParseException e) {
      return -1;
    }
  }

  private static boolean isDigits(String value) {
    for (int i = 0; i < value.length(); i++) {
      if (value.charAt(i) < '0' || value.charAt(i) > '9') {
        return false;
      }
    }
    return true;
  }
}
