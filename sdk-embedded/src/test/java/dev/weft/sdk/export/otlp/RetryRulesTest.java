package dev.weft.sdk.export.otlp;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.protobuf.Any;
import com.google.rpc.RetryInfo;
import com.google.rpc.Status;
import io.opentelemetry.proto.collector.trace.v1.ExportTracePartialSuccess;
import io.opentelemetry.proto.collector.trace.v1.ExportTraceServiceResponse;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Backoff, Retry-After, RetryInfo and partial-success decoding. */
class RetryRulesTest {

  private static final long SECOND = TimeUnit.SECONDS.toNanos(1);

  @Test
  void backoffGrowsByOneAndAHalfFromOneSecondUpToFive() {
    assertThat(Retrier.backoffNanos(1, 1.0)).isEqualTo(SECOND);
    assertThat(Retrier.backoffNanos(2, 1.0)).isEqualTo(1_500_000_000L);
    assertThat(Retrier.backoffNanos(3, 1.0)).isEqualTo(2_250_000_000L);
    assertThat(Retrier.backoffNanos(4, 1.0)).isEqualTo(3_375_000_000L);
    assertThat(Retrier.backoffNanos(5, 1.0)).isEqualTo(5 * SECOND);
    assertThat(Retrier.backoffNanos(9, 1.0)).isEqualTo(5 * SECOND);
    assertThat(Retrier.backoffNanos(1, 0.8)).isEqualTo(800_000_000L);
    assertThat(Retrier.backoffNanos(5, 1.2)).isEqualTo(6 * SECOND);
  }

  @Test
  void retrierStopsAfterFiveAttempts() {
    AtomicInteger attempts = new AtomicInteger();
    AttemptResult result =
        new Retrier(true, SECOND)
            .run(
                timeout -> {
                  attempts.incrementAndGet();
                  return AttemptResult.retryable("busy", 0);
                },
                10 * SECOND);

    assertThat(attempts).hasValue(5);
    assertThat(result.kind()).isEqualTo(AttemptResult.Kind.FAILED);
    assertThat(result.reason()).isEqualTo("busy (gave up after 5 attempts)");
  }

  @Test
  void retrierNeverWaitsPastTheExportTimeoutAndBoundsEachAttempt() {
    long[] attemptTimeout = new long[1];
    AttemptResult result =
        new Retrier(true, 10 * SECOND)
            .run(
                timeout -> {
                  attemptTimeout[0] = timeout;
                  return AttemptResult.retryable("busy", 3 * SECOND);
                },
                2 * SECOND);

    assertThat(attemptTimeout[0]).isBetween(SECOND, 2 * SECOND); // min(request, remaining)
    assertThat(result.reason()).contains("retry in 3000 ms would not fit", "after 1 attempt");
  }

  @Test
  void retrierReturnsNonRetryableResultsAsTheyAre() {
    AttemptResult failed = AttemptResult.failed("HTTP 400");
    assertThat(new Retrier(true, SECOND).run(timeout -> failed, SECOND)).isSameAs(failed);
    assertThat(
            new Retrier(false, SECOND)
                .run(timeout -> AttemptResult.retryable("x"), SECOND)
                .reason())
        .contains("retries disabled");
  }

  @ParameterizedTest(name = "gRPC code {0} -> {1}")
  @CsvSource({
    "0, SUCCESS", "1, RETRYABLE", "2, FAILED", "3, FAILED", "4, RETRYABLE", "5, FAILED",
    "6, FAILED", "7, FAILED", "8, FAILED", "9, FAILED", "10, RETRYABLE", "11, RETRYABLE",
    "12, FAILED", "13, FAILED", "14, RETRYABLE", "15, RETRYABLE", "16, FAILED"
  })
  void grpcCodesWithoutRetryInfo(int code, AttemptResult.Kind expected) {
    assertThat(GrpcStatusRules.classify(code, "CODE", null, null, "endpoint").kind())
        .isEqualTo(expected);
  }

  @Test
  void retryInfoMakesResourceExhaustedRetryableAndSetsTheDelay() {
    byte[] details =
        Status.newBuilder()
            .setCode(8)
            .addDetails(
                Any.pack(
                    RetryInfo.newBuilder()
                        .setRetryDelay(com.google.protobuf.Duration.newBuilder().setSeconds(2))
                        .build()))
            .build()
            .toByteArray();

    AttemptResult exhausted = GrpcStatusRules.classify(8, "RESOURCE_EXHAUSTED", "x", details, "e");
    AttemptResult unavailable = GrpcStatusRules.classify(14, "UNAVAILABLE", null, details, "e");

    assertThat(exhausted.kind()).isEqualTo(AttemptResult.Kind.RETRYABLE);
    assertThat(exhausted.delayNanos()).isEqualTo(2 * SECOND);
    assertThat(unavailable.delayNanos()).isEqualTo(2 * SECOND);
    assertThat(GrpcStatusRules.classify(14, "UNAVAILABLE", null, null, "e").delayNanos())
        .isNegative();
  }

  @ParameterizedTest(name = "''{0}'' -> {1} ms")
  @CsvSource(
      delimiter = '|',
      value = {"120|120000", " 3 |3000", "0|0", "soon|-1", "-5|-1", "1.5|-1", "''|-1"})
  void retryAfterSeconds(String header, long expectedMillis) {
    long nanos = RetryAfter.parseNanos(header, Instant.now());
    assertThat(nanos < 0 ? -1 : TimeUnit.NANOSECONDS.toMillis(nanos)).isEqualTo(expectedMillis);
  }

  @Test
  void retryAfterHttpDateAndOddValues() {
    Instant now = Instant.parse("2026-01-02T03:04:05Z");
    String inTenSeconds =
        DateTimeFormatter.RFC_1123_DATE_TIME.format(now.plusSeconds(10).atOffset(ZoneOffset.UTC));
    String past =
        DateTimeFormatter.RFC_1123_DATE_TIME.format(now.minusSeconds(10).atOffset(ZoneOffset.UTC));

    assertThat(RetryAfter.parseNanos(inTenSeconds, now)).isEqualTo(10 * SECOND);
    assertThat(RetryAfter.parseNanos("Fri, 02 Jan 2026 03:04:15 GMT", now)).isEqualTo(10 * SECOND);
    assertThat(RetryAfter.parseNanos(past, now)).isZero();
    assertThat(RetryAfter.parseNanos(null, now)).isEqualTo(-1);
    assertThat(RetryAfter.parseNanos("99999999999999999999999", now))
        .isEqualTo(TimeUnit.DAYS.toNanos(1));
  }

  @Test
  void readsRetryInfoFromStatusDetails() {
    Status status =
        Status.newBuilder()
            .setCode(8)
            .setMessage("slow down")
            .addDetails(Any.pack(Status.newBuilder().setMessage("unrelated").build()))
            .addDetails(
                Any.pack(
                    RetryInfo.newBuilder()
                        .setRetryDelay(
                            com.google.protobuf.Duration.newBuilder()
                                .setSeconds(1)
                                .setNanos(500_000_000))
                        .build()))
            .build();

    assertThat(OtlpResponses.retryDelayNanos(status.toByteArray())).isEqualTo(1_500_000_000L);
    assertThat(OtlpResponses.statusMessage(status.toByteArray())).isEqualTo("slow down");
    assertThat(OtlpResponses.retryDelayNanos(Status.newBuilder().setCode(14).build().toByteArray()))
        .isEqualTo(-1);
    assertThat(OtlpResponses.retryDelayNanos(new byte[] {(byte) 0xFF, 1, 2})).isEqualTo(-1);
    assertThat(OtlpResponses.statusMessage(new byte[0])).isNull();
  }

  @Test
  void partialSuccessOnlyWhenSomethingWasRejectedOrSaid() {
    ExportTraceServiceResponse rejected =
        ExportTraceServiceResponse.newBuilder()
            .setPartialSuccess(
                ExportTracePartialSuccess.newBuilder().setRejectedSpans(3).setErrorMessage("old"))
            .build();
    ExportTraceServiceResponse allAccepted =
        ExportTraceServiceResponse.newBuilder()
            .setPartialSuccess(ExportTracePartialSuccess.getDefaultInstance())
            .build();

    OtlpResponses.PartialSuccess partial = OtlpResponses.partialSuccess(rejected.toByteArray());
    assertThat(partial.rejected).isEqualTo(3);
    assertThat(partial.errorMessage).isEqualTo("old");
    assertThat(OtlpResponses.partialSuccess(allAccepted.toByteArray())).isNull();
    assertThat(OtlpResponses.partialSuccess(new byte[0])).isNull();
    assertThat(OtlpResponses.partialSuccess("<html>".getBytes())).isNull();
  }
}
