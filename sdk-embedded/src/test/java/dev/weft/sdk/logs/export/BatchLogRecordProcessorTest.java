package dev.weft.sdk.logs.export;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import dev.weft.bootstrap.context.Context;
import dev.weft.bootstrap.context.Scope;
import dev.weft.core.api.common.AttributeKey;
import dev.weft.core.api.common.Attributes;
import dev.weft.core.api.logs.Logger;
import dev.weft.core.api.logs.Severity;
import dev.weft.core.api.trace.Span;
import dev.weft.core.api.trace.SpanContext;
import dev.weft.core.api.trace.TraceState;
import dev.weft.sdk.logs.LogLimits;
import dev.weft.sdk.logs.LogRecordData;
import dev.weft.sdk.logs.SdkLoggerProvider;
import dev.weft.sdk.resources.Resource;
import dev.weft.sdk.testing.LogCapture;
import dev.weft.sdk.trace.export.ExportResult;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class BatchLogRecordProcessorTest {

  private static final long HOUR = TimeUnit.HOURS.toNanos(1);
  private static final long TIMEOUT = TimeUnit.SECONDS.toNanos(30);
  private static final SpanContext SPAN =
      SpanContext.create(
          0x0af7651916cd43ddL,
          0x8448eb211c80319cL,
          0x53995c3f42cd8ad8L,
          (byte) 1,
          TraceState.empty());

  private final Recording exporter = new Recording();
  private BatchLogRecordProcessor processor;
  private SdkLoggerProvider provider;

  @AfterEach
  void shutDown() {
    exporter.gate.countDown();
    if (provider != null) {
      provider.shutdown(5, TimeUnit.SECONDS);
    }
  }

  private Logger logger(String name, long delayNanos, int queueSize, int batchSize) {
    processor = new BatchLogRecordProcessor(exporter, delayNanos, TIMEOUT, queueSize, batchSize);
    provider = new SdkLoggerProvider(Resource.empty(), new LogLimits(3, 5), processor);
    return provider.get(name);
  }

  @Test
  void recordsCarryTheCurrentSpanAndWhatTheBridgeSet() {
    Logger logger = logger("com.example.Orders", HOUR, 16, 16);
    Context inSpan = Span.wrap(SPAN).storeInContext(Context.root());
    try (Scope ignored = inSpan.makeCurrent()) {
      logger
          .logRecordBuilder()
          .setTimestamp(1_700_000_000_000_000_000L)
          .setSeverity(Severity.WARN)
          .setSeverityText("WARN")
          .setBody("order placed")
          .setAttribute(AttributeKey.stringKey("thread.name"), "main-thread")
          .emit();
    }
    logger.logRecordBuilder().setBody("outside").emit();

    assertThat(provider.forceFlush(10, TimeUnit.SECONDS)).isTrue();
    List<LogRecordData> records = exporter.records();
    assertThat(records).hasSize(2);
    LogRecordData inside = records.get(0);
    assertThat(inside.spanContext()).isEqualTo(SPAN);
    assertThat(inside.instrumentationScope().name()).isEqualTo("com.example.Orders");
    assertThat(inside.severity()).isEqualTo(Severity.WARN);
    assertThat(inside.severityText()).isEqualTo("WARN");
    assertThat(inside.body()).isEqualTo("order placed");
    assertThat(inside.timestampEpochNanos()).isEqualTo(1_700_000_000_000_000_000L);
    assertThat(inside.observedTimestampEpochNanos()).isPositive();
    // Value length limit 5.
    assertThat(inside.attributes().get(AttributeKey.stringKey("thread.name"))).isEqualTo("main-");
    assertThat(records.get(1).spanContext().isValid()).isFalse();
    assertThat(exporter.threads).containsOnly(BatchLogRecordProcessor.THREAD_NAME);
  }

  @Test
  void exceptionBecomesAttributesRenderedOffTheLoggingThread() {
    Logger logger = logger("l", HOUR, 16, 16);
    IllegalStateException error = new IllegalStateException("broken");

    logger
        .logRecordBuilder()
        .setAttribute(AttributeKey.longKey("a"), 1L)
        .setException(error)
        .emit();

    provider.forceFlush(10, TimeUnit.SECONDS);
    Attributes attributes = exporter.records().get(0).attributes();
    // Value length limit 5 applies to them too.
    assertThat(attributes.get(AttributeKey.stringKey("exception.type"))).isEqualTo("java.");
    assertThat(attributes.get(AttributeKey.stringKey("exception.message"))).isEqualTo("broke");
    // Count limit 3 (a, type, message); the stack trace is dropped and counted.
    assertThat(exporter.records().get(0).droppedAttributesCount()).isEqualTo(1);
  }

  @Test
  void aFullQueueDropsAndCountsWithoutBlockingTheLoggingThread() {
    try (LogCapture log = LogCapture.start()) {
      Logger logger = logger("burst", HOUR, 4, 1);
      exporter.blockExports();
      logger.logRecordBuilder().setBody("first").emit(); // taken by the export thread, blocks it
      exporter.awaitExportEntered();

      assertTimeoutPreemptively(
          Duration.ofSeconds(5),
          () -> {
            for (int i = 0; i < 100_000; i++) {
              logger.logRecordBuilder().setBody("line").emit();
            }
          });

      assertThat(processor.queueSize()).isEqualTo(4);
      assertThat(processor.droppedLogRecords()).isEqualTo(100_000 - 4);
      exporter.gate.countDown();
      assertThat(provider.forceFlush(10, TimeUnit.SECONDS)).isTrue();
      assertThat(exporter.records()).hasSize(5);
      assertThat(String.join("\n", log.lines()))
          .contains("dropped 99996 log records: queue full (otel.blrp.max.queue.size=4)");
    }
  }

  @Test
  void afterShutdownLoggersAreDisabledAndEmitNothing() {
    Logger logger = logger("l", HOUR, 16, 16);
    logger.logRecordBuilder().setBody("before").emit();

    assertThat(provider.shutdown(5, TimeUnit.SECONDS)).isTrue();
    logger.logRecordBuilder().setBody("after").emit();

    assertThat(logger.isEnabled()).isFalse();
    assertThat(exporter.records()).extracting(LogRecordData::body).containsExactly("before");
    assertThat(exporter.shutdowns).isEqualTo(1);
  }

  @Test
  void theScheduleDelayExportsAPartialBatch() throws Exception {
    Logger logger = logger("l", TimeUnit.MILLISECONDS.toNanos(50), 16, 16);

    logger.logRecordBuilder().setBody("one").emit();

    exporter.awaitRecords(1);
    assertThat(exporter.records()).hasSize(1);
  }

  /** Keeps records; can block exports to fill the queue. */
  static final class Recording implements LogRecordExporter {
    final List<LogRecordData> received = new ArrayList<>();
    final List<String> threads = new ArrayList<>();
    final CountDownLatch entered = new CountDownLatch(1);
    volatile CountDownLatch gate = new CountDownLatch(0);
    int shutdowns;

    void blockExports() {
      gate = new CountDownLatch(1);
    }

    void awaitExportEntered() {
      try {
        assertThat(entered.await(10, TimeUnit.SECONDS)).isTrue();
      } catch (InterruptedException e) {
        throw new AssertionError(e);
      }
    }

    synchronized void awaitRecords(int count) throws InterruptedException {
      long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
      while (received.size() < count && deadline - System.nanoTime() > 0) {
        wait(100);
      }
    }

    @Override
    public ExportResult export(Collection<? extends LogRecordData> records, long timeoutNanos) {
      entered.countDown();
      try {
        gate.await(30, TimeUnit.SECONDS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
      synchronized (this) {
        received.addAll(records);
        threads.add(Thread.currentThread().getName());
        notifyAll();
      }
      return ExportResult.SUCCESS;
    }

    synchronized List<LogRecordData> records() {
      return new ArrayList<>(received);
    }

    @Override
    public synchronized void shutdown() {
      shutdowns++;
    }
  }
}
