package dev.weft.sdk.export.otlp;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.protobuf.ByteString;
import dev.weft.bootstrap.context.Context;
import dev.weft.core.api.common.AttributeKey;
import dev.weft.core.api.common.Attributes;
import dev.weft.core.api.logs.Logger;
import dev.weft.core.api.logs.Severity;
import dev.weft.core.api.trace.Span;
import dev.weft.core.api.trace.SpanContext;
import dev.weft.core.api.trace.TraceState;
import dev.weft.sdk.logs.LogLimits;
import dev.weft.sdk.logs.LogRecordData;
import dev.weft.sdk.logs.LogRecordProcessor;
import dev.weft.sdk.logs.SdkLogRecord;
import dev.weft.sdk.logs.SdkLoggerProvider;
import dev.weft.sdk.resources.Resource;
import io.opentelemetry.proto.collector.logs.v1.ExportLogsServiceRequest;
import io.opentelemetry.proto.common.v1.AnyValue;
import io.opentelemetry.proto.logs.v1.LogRecord;
import io.opentelemetry.proto.logs.v1.ResourceLogs;
import io.opentelemetry.proto.logs.v1.ScopeLogs;
import io.opentelemetry.proto.logs.v1.SeverityNumber;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** Every field, decoded by the official generated classes (an implementation we did not write). */
class OtlpLogsEncoderTest {

  private static final SpanContext SPAN =
      SpanContext.create(
          0x0af7651916cd43ddL,
          0x8448eb211c80319cL,
          0x53995c3f42cd8ad8L,
          (byte) 1,
          TraceState.empty());
  private static final Resource RESOURCE =
      Resource.create(Attributes.builder().put("service.name", "checkout").build());

  private final List<SdkLogRecord> emitted = new ArrayList<>();
  private final SdkLoggerProvider provider =
      new SdkLoggerProvider(RESOURCE, new LogLimits(2, Integer.MAX_VALUE), new Collect());

  @Test
  void encodesEveryFieldOfARecordInASpan() throws Exception {
    provider
        .get("com.example.Orders")
        .logRecordBuilder()
        .setContext(Span.wrap(SPAN).storeInContext(Context.root()))
        .setTimestamp(1_700_000_000_000_000_001L)
        .setObservedTimestamp(1_700_000_000_000_000_002L)
        .setSeverity(Severity.ERROR)
        .setSeverityText("ERROR")
        .setBody("payment failed: \u00e9\ud83d\ude00")
        .setAttribute(AttributeKey.stringKey("thread.name"), "worker-1")
        .setAttribute(AttributeKey.longKey("thread.id"), 42L)
        .setAttribute(AttributeKey.stringKey("dropped"), "over the count limit")
        .emit();

    LogRecord decoded = onlyRecord(decode());

    assertThat(decoded.getTimeUnixNano()).isEqualTo(1_700_000_000_000_000_001L);
    assertThat(decoded.getObservedTimeUnixNano()).isEqualTo(1_700_000_000_000_000_002L);
    assertThat(decoded.getSeverityNumber()).isEqualTo(SeverityNumber.SEVERITY_NUMBER_ERROR);
    assertThat(decoded.getSeverityText()).isEqualTo("ERROR");
    assertThat(decoded.getBody())
        .isEqualTo(
            AnyValue.newBuilder().setStringValue("payment failed: \u00e9\ud83d\ude00").build());
    assertThat(decoded.getAttributesList())
        .extracting(kv -> kv.getKey() + "=" + value(kv.getValue()))
        .containsExactly("thread.name=worker-1", "thread.id=42");
    assertThat(decoded.getDroppedAttributesCount()).isEqualTo(1);
    assertThat(decoded.getFlags()).isEqualTo(1);
    assertThat(hex(decoded.getTraceId())).isEqualTo("0af7651916cd43dd8448eb211c80319c");
    assertThat(hex(decoded.getSpanId())).isEqualTo("53995c3f42cd8ad8");
  }

  @Test
  void aRecordOutsideSpansHasNoIdsAndDefaultsAreOmitted() throws Exception {
    provider.get("").logRecordBuilder().setObservedTimestamp(5).emit();

    ExportLogsServiceRequest request = decode();
    LogRecord decoded = onlyRecord(request);

    assertThat(decoded.getTraceId()).isEmpty();
    assertThat(decoded.getSpanId()).isEmpty();
    assertThat(decoded.getFlags()).isZero();
    assertThat(decoded.hasBody()).isFalse();
    assertThat(decoded.getSeverityNumber()).isEqualTo(SeverityNumber.SEVERITY_NUMBER_UNSPECIFIED);
    assertThat(decoded.getTimeUnixNano()).isZero();
    assertThat(decoded.getObservedTimeUnixNano()).isEqualTo(5);
    assertThat(request.getResourceLogs(0).getScopeLogs(0).getScope().getName()).isEmpty();
  }

  @Test
  void exceptionAttributesAreEncoded() throws Exception {
    SdkLoggerProvider roomy = new SdkLoggerProvider(RESOURCE, LogLimits.defaults(), new Collect());
    roomy.get("l").logRecordBuilder().setException(new IllegalArgumentException("bad")).emit();

    LogRecord decoded = onlyRecord(decode());

    assertThat(decoded.getAttributesList())
        .extracting(kv -> kv.getKey())
        .containsExactly("exception.type", "exception.message", "exception.stacktrace");
    assertThat(value(decoded.getAttributes(2).getValue()))
        .startsWith("java.lang.IllegalArgumentException: bad\n\tat ");
  }

  @Test
  void groupsByResourceThenLoggerNameInFirstSeenOrder() throws Exception {
    Logger a = provider.get("a");
    Logger b = provider.get("b");
    a.logRecordBuilder().setBody("1").emit();
    b.logRecordBuilder().setBody("2").emit();
    a.logRecordBuilder().setBody("3").emit();

    ExportLogsServiceRequest request = decode();

    assertThat(request.getResourceLogsCount()).isEqualTo(1);
    ResourceLogs resourceLogs = request.getResourceLogs(0);
    assertThat(resourceLogs.getResource().getAttributes(0).getKey()).isEqualTo("service.name");
    assertThat(resourceLogs.getScopeLogsList())
        .extracting(s -> s.getScope().getName())
        .containsExactly("a", "b");
    ScopeLogs first = resourceLogs.getScopeLogs(0);
    assertThat(first.getLogRecordsList())
        .extracting(r -> r.getBody().getStringValue())
        .containsExactly("1", "3");
  }

  @Test
  void noRecordsIsAnEmptyRequest() {
    assertThat(OtlpLogsEncoder.encode(List.of())).isEmpty();
  }

  private ExportLogsServiceRequest decode() throws Exception {
    List<LogRecordData> records = new ArrayList<>(emitted);
    return ExportLogsServiceRequest.parseFrom(OtlpLogsEncoder.encode(records));
  }

  private static LogRecord onlyRecord(ExportLogsServiceRequest request) {
    assertThat(request.getResourceLogsCount()).isEqualTo(1);
    assertThat(request.getResourceLogs(0).getScopeLogsCount()).isEqualTo(1);
    List<LogRecord> records = request.getResourceLogs(0).getScopeLogs(0).getLogRecordsList();
    assertThat(records).hasSize(1);
    return records.get(0);
  }

  private static String value(AnyValue value) {
    return value.hasIntValue() ? Long.toString(value.getIntValue()) : value.getStringValue();
  }

  private static String hex(ByteString bytes) {
    StringBuilder out = new StringBuilder();
    for (byte b : bytes.toByteArray()) {
      out.append(String.format("%02x", b));
    }
    return out.toString();
  }

  /** Keeps emitted records, as the batch processor's queue would. */
  private final class Collect implements LogRecordProcessor {
    @Override
    public void onEmit(SdkLogRecord record) {
      emitted.add(record);
    }

    @Override
    public boolean forceFlush(long timeout, TimeUnit unit) {
      return true;
    }

    @Override
    public boolean shutdown(long timeout, TimeUnit unit) {
      return true;
    }
  }
}
