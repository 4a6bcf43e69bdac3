package dev.weft.sdk.logs;

import dev.weft.bootstrap.context.Context;
import dev.weft.core.api.common.AttributeKey;
import dev.weft.core.api.common.Attributes;
import dev.weft.core.api.logs.LogRecordBuilder;
import dev.weft.core.api.logs.Severity;
import dev.weft.core.api.trace.Span;
import dev.weft.core.api.trace.SpanContext;
import dev.weft.sdk.common.InstrumentationScope;
import dev.weft.sdk.resources.Resource;
import dev.weft.sdk.trace.StackTraces;
import java.time.Instant;
import java.util.Arrays;

/**
 * A log record: the builder a bridge fills on the logging thread and, once emitted, the data the
 * exporter reads on the export thread (handed over through the processor's queue, which orders the
 * writes before the reads). The exception's attributes, stack trace included, are rendered on the
 * export thread when first read, not on the logging thread.
 */
public final class SdkLogRecord implements LogRecordBuilder, LogRecordData {

  static final AttributeKey<String> EXCEPTION_TYPE = AttributeKey.stringKey("exception.type");
  static final AttributeKey<String> EXCEPTION_MESSAGE = AttributeKey.stringKey("exception.message");
  static final AttributeKey<String> EXCEPTION_STACKTRACE =
      AttributeKey.stringKey("exception.stacktrace");

  private final SdkLoggerProvider provider;
  private final InstrumentationScope scope;
  private long timestamp;
  private long observedTimestamp;
  private Severity severity = Severity.UNDEFINED_SEVERITY_NUMBER;
  private String severityText;
  private String body;
  private Throwable exception;
  private Context context;
  private SpanContext spanContext = SpanContext.invalid();
  // Alternating key, value; null until the first attribute.
  private Object[] data;
  private int size;
  private int dropped;
  // Export thread only: built on first read.
  private Attributes attributes;

  SdkLogRecord(SdkLoggerProvider provider, InstrumentationScope scope) {
    this.provider = provider;
    this.scope = scope;
  }

  // ---- LogRecordBuilder (logging thread) ----

  @Override
  public LogRecordBuilder setTimestamp(long epochNanos) {
    timestamp = epochNanos;
    return this;
  }

  @Override
  public LogRecordBuilder setObservedTimestamp(long epochNanos) {
    observedTimestamp = epochNanos;
    return this;
  }

  @Override
  public LogRecordBuilder setSeverity(Severity value) {
    if (value != null) {
      severity = value;
    }
    return this;
  }

  @Override
  public LogRecordBuilder setSeverityText(String text) {
    severityText = text;
    return this;
  }

  @Override
  public LogRecordBuilder setBody(String value) {
    body = value;
    return this;
  }

  @Override
  public <T> LogRecordBuilder setAttribute(AttributeKey<T> key, T value) {
    if (key == null || value == null || key.name().isEmpty()) {
      return this;
    }
    put(key, value);
    return this;
  }

  @Override
  public LogRecordBuilder setException(Throwable value) {
    exception = value;
    return this;
  }

  @Override
  public LogRecordBuilder setContext(Context value) {
    context = value;
    return this;
  }

  @Override
  public void emit() {
    if (provider.isShutdown()) {
      return;
    }
    if (observedTimestamp == 0) {
      observedTimestamp = epochNanosNow();
    }
    spanContext = Span.fromContext(context == null ? Context.current() : context).spanContext();
    context = null; // not needed past this point; don't keep the context's values alive in a queue
    provider.processor().onEmit(this);
  }

  private void put(AttributeKey<?> key, Object value) {
    LogLimits limits = provider.limits();
    Object limited = truncate(value, limits.attributeValueLengthLimit());
    for (int i = 0; i < size * 2; i += 2) {
      if (data[i].equals(key)) {
        data[i + 1] = limited;
        return;
      }
    }
    if (size >= limits.attributeCountLimit()) {
      dropped++;
      return;
    }
    if (data == null) {
      data = new Object[8];
    } else if (size * 2 == data.length) {
      data = Arrays.copyOf(data, data.length * 2);
    }
    data[size * 2] = key;
    data[size * 2 + 1] = limited;
    size++;
  }

  private static Object truncate(Object value, int limit) {
    if (limit != LogLimits.UNLIMITED && value instanceof String) {
      String text = (String) value;
      return text.length() > limit ? text.substring(0, limit) : text;
    }
    return value;
  }

  static long epochNanosNow() {
    Instant now = Instant.now();
    return now.getEpochSecond() * 1_000_000_000L + now.getNano();
  }

  // ---- LogRecordData (export thread) ----

  @Override
  public Resource resource() {
    return provider.resource();
  }

  @Override
  public InstrumentationScope instrumentationScope() {
    return scope;
  }

  @Override
  public long timestampEpochNanos() {
    return timestamp;
  }

  @Override
  public long observedTimestampEpochNanos() {
    return observedTimestamp;
  }

  @Override
  public Severity severity() {
    return severity;
  }

  @Override
  public String severityText() {
    return severityText;
  }

  @Override
  public String body() {
    return body;
  }

  @Override
  @SuppressWarnings("unchecked")
  public Attributes attributes() {
    Attributes built = attributes;
    if (built != null) {
      return built;
    }
    if (exception != null) {
      Throwable thrown = exception;
      exception = null;
      putIfAbsent(EXCEPTION_TYPE, thrown.getClass().getName());
      putIfAbsent(EXCEPTION_MESSAGE, messageOf(thrown));
      putIfAbsent(EXCEPTION_STACKTRACE, StackTraces.of(thrown));
    }
    if (size == 0) {
      built = Attributes.empty();
    } else {
      Attributes.Builder builder = Attributes.builder();
      for (int i = 0; i < size * 2; i += 2) {
        builder.put((AttributeKey<Object>) data[i], data[i + 1]);
      }
      built = builder.build();
    }
    attributes = built;
    return built;
  }

  private void putIfAbsent(AttributeKey<String> key, String value) {
    if (value == null) {
      return;
    }
    for (int i = 0; i < size * 2; i += 2) {
      if (data[i].equals(key)) {
        return; // the bridge set it itself
      }
    }
    put(key, value);
  }

  private static String messageOf(Throwable thrown) {
    try {
      return thrown.getMessage();
    } catch (RuntimeException e) {
      return null; // an application exception whose getMessage throws
    }
  }

  @Override
  public int droppedAttributesCount() {
    attributes(); // rendering the exception may drop some
    return dropped;
  }

  @Override
  public SpanContext spanContext() {
    return spanContext;
  }

  @Override
  public String toString() {
    return "SdkLogRecord{scope="
        + scope.name()
        + ", severity="
        + severity
        + ", body="
        + body
        + ", spanContext="
        + spanContext
        + "}";
  }
}
