package dev.weft.sdk.export.otlp;

import com.google.protobuf.CodedInputStream;
import com.google.protobuf.WireFormat;
import java.io.IOException;
import java.util.concurrent.TimeUnit;

/**
 * Reads the few response messages an exporter needs, field by field: the {@code partial_success} of
 * an {@code Export*ServiceResponse} (the same layout for traces, metrics and logs), {@code
 * google.rpc.Status.message} and a {@code google.rpc.RetryInfo} in its details. Unknown fields are
 * skipped; malformed input yields "absent" rather than an exception, since a collector's reply
 * never decides more than a log line or a delay.
 */
final class OtlpResponses {

  // Export{Trace,Metrics,Logs}ServiceResponse
  private static final int PARTIAL_SUCCESS = 1;
  // Export{Trace,Metrics,Logs}PartialSuccess: rejected_{spans,data_points,log_records}
  private static final int REJECTED = 1;
  private static final int ERROR_MESSAGE = 2;
  // google.rpc.Status
  private static final int STATUS_MESSAGE = 2;
  private static final int STATUS_DETAILS = 3;
  // google.protobuf.Any
  private static final int ANY_TYPE_URL = 1;
  private static final int ANY_VALUE = 2;
  // google.rpc.RetryInfo
  private static final int RETRY_DELAY = 1;
  // google.protobuf.Duration
  private static final int DURATION_SECONDS = 1;
  private static final int DURATION_NANOS = 2;

  private static final String RETRY_INFO_TYPE = "google.rpc.RetryInfo";

  private OtlpResponses() {}

  /** A set {@code partial_success}: items rejected (may be 0) and the server's message. */
  static final class PartialSuccess {
    final long rejected;
    final String errorMessage;

    PartialSuccess(long rejected, String errorMessage) {
      this.rejected = rejected;
      this.errorMessage = errorMessage;
    }
  }

  /**
   * The partial success of an {@code Export*ServiceResponse}, or null when the field is absent,
   * empty (all accepted) or the bytes do not parse.
   */
  static PartialSuccess partialSuccess(byte[] response) {
    try {
      CodedInputStream in = CodedInputStream.newInstance(response);
      for (int tag = in.readTag(); tag != 0; tag = in.readTag()) {
        if (tag == lengthDelimited(PARTIAL_SUCCESS)) {
          PartialSuccess result = readPartialSuccess(in.readBytes().newCodedInput());
          return result.rejected == 0 && result.errorMessage.isEmpty() ? null : result;
        }
        in.skipField(tag);
      }
    } catch (IOException | RuntimeException e) {
      // not an OTLP response: nothing to report
    }
    return null;
  }

  private static PartialSuccess readPartialSuccess(CodedInputStream in) throws IOException {
    long rejected = 0;
    String message = "";
    for (int tag = in.readTag(); tag != 0; tag = in.readTag()) {
      if (tag == makeTag(REJECTED, WireFormat.WIRETYPE_VARINT)) {
        rejected = in.readInt64();
      } else if (tag == lengthDelimited(ERROR_MESSAGE)) {
        message = in.readStringRequireUtf8();
      } else {
        in.skipField(tag);
      }
    }
    return new PartialSuccess(rejected, message);
  }

  /** {@code google.rpc.Status.message}, or null when absent, empty or unparsable. */
  static String statusMessage(byte[] status) {
    try {
      CodedInputStream in = CodedInputStream.newInstance(status);
      String message = null;
      for (int tag = in.readTag(); tag != 0; tag = in.readTag()) {
        if (tag == lengthDelimited(STATUS_MESSAGE)) {
          message = in.readStringRequireUtf8();
        } else {
          in.skipField(tag);
        }
      }
      return message == null || message.isEmpty() ? null : message;
    } catch (IOException | RuntimeException e) {
      return null;
    }
  }

  /**
   * The {@code retry_delay} of a {@code google.rpc.RetryInfo} among a {@code google.rpc.Status}'s
   * details, in nanoseconds; -1 when there is none or the bytes do not parse.
   */
  static long retryDelayNanos(byte[] status) {
    try {
      CodedInputStream in = CodedInputStream.newInstance(status);
      for (int tag = in.readTag(); tag != 0; tag = in.readTag()) {
        if (tag == lengthDelimited(STATUS_DETAILS)) {
          long delay = retryInfoDelay(in.readBytes().newCodedInput());
          if (delay >= 0) {
            return delay;
          }
        } else {
          in.skipField(tag);
        }
      }
    } catch (IOException | RuntimeException e) {
      // no usable RetryInfo
    }
    return -1;
  }

  /** The delay if this {@code Any} is a RetryInfo, else -1. */
  private static long retryInfoDelay(CodedInputStream any) throws IOException {
    String typeUrl = "";
    CodedInputStream value = null;
    for (int tag = any.readTag(); tag != 0; tag = any.readTag()) {
      if (tag == lengthDelimited(ANY_TYPE_URL)) {
        typeUrl = any.readStringRequireUtf8();
      } else if (tag == lengthDelimited(ANY_VALUE)) {
        value = any.readBytes().newCodedInput();
      } else {
        any.skipField(tag);
      }
    }
    // type.googleapis.com/google.rpc.RetryInfo: only the part after the last '/' names the type.
    if (value == null || !typeUrl.substring(typeUrl.lastIndexOf('/') + 1).equals(RETRY_INFO_TYPE)) {
      return -1;
    }
    long delay = 0; // RetryInfo without retry_delay: retry now
    for (int tag = value.readTag(); tag != 0; tag = value.readTag()) {
      if (tag == lengthDelimited(RETRY_DELAY)) {
        delay = durationNanos(value.readBytes().newCodedInput());
      } else {
        value.skipField(tag);
      }
    }
    return delay;
  }

  private static long durationNanos(CodedInputStream in) throws IOException {
    long seconds = 0;
    int nanos = 0;
    for (int tag = in.readTag(); tag != 0; tag = in.readTag()) {
      if (tag == makeTag(DURATION_SECONDS, WireFormat.WIRETYPE_VARINT)) {
        seconds = in.readInt64();
      } else if (tag == makeTag(DURATION_NANOS, WireFormat.WIRETYPE_VARINT)) {
        nanos = in.readInt32();
      } else {
        in.skipField(tag);
      }
    }
    // Clamp: a hostile or silly delay must not overflow; the retrier bounds it by the timeout.
    long clampedSeconds = Math.max(0, Math.min(seconds, TimeUnit.DAYS.toSeconds(1)));
    return TimeUnit.SECONDS.toNanos(clampedSeconds) + Math.max(0, nanos);
  }

  private static int lengthDelimited(int field) {
    return makeTag(field, WireFormat.WIRETYPE_LENGTH_DELIMITED);
  }

  // WireFormat.makeTag is not public.
  private static int makeTag(int field, int wireType) {
    return (field << 3) | wireType;
  }
}
