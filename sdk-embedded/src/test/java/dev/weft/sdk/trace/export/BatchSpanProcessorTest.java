package dev.weft.sdk.trace.export;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import dev.weft.core.api.trace.Tracer;
import dev.weft.sdk.testing.InMemorySpanExporter;
import dev.weft.sdk.testing.LogCapture;
import dev.weft.sdk.trace.SdkTracerProvider;
import dev.weft.sdk.trace.data.SpanData;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class BatchSpanProcessorTest {

  private static final Duration WAIT = Duration.ofSeconds(10);
  private static final long HOUR = TimeUnit.HOURS.toNanos(1);
  private static final long TIMEOUT = TimeUnit.SECONDS.toNanos(30);

  private final InMemorySpanExporter exporter = new InMemorySpanExporter();
  private BatchSpanProcessor processor;
  private SdkTracerProvider provider;

  @AfterEach
  void shutDown() {
    exporter.unblock();
    if (provider != null) {
      provider.shutdown(5, TimeUnit.SECONDS);
    }
  }

  private Tracer tracer(long delayNanos, int queueSize, int batchSize) {
    processor = new BatchSpanProcessor(exporter, delayNanos, TIMEOUT, queueSize, batchSize);
    provider = SdkTracerProvider.builder().addSpanProcessor(processor).build();
    return provider.get("bsp-test", null);
  }

  private static void endSpans(Tracer tracer, int count) {
    for (int i = 0; i < count; i++) {
      tracer.spanBuilder("span-" + i).startSpan().end();
    }
  }

  @Test
  void fullBatchesAreExportedAtOnceWithoutWaitingForTheDelay() throws Exception {
    Tracer tracer = tracer(HOUR, 100, 10);
    endSpans(tracer, 30);
    assertThat(exporter.awaitSpans(30, WAIT)).hasSize(30);
    assertThat(exporter.batchSizes()).containsOnly(10);
  }

  @Test
  void aPartialBatchIsExportedWhenTheDelayHasPassed() throws Exception {
    Tracer tracer = tracer(TimeUnit.MILLISECONDS.toNanos(50), 100, 10);
    endSpans(tracer, 3);
    assertThat(exporter.awaitSpans(3, WAIT))
        .extracting(SpanData::name)
        .containsExactly("span-0", "span-1", "span-2");
  }

  @Test
  void forceFlushExportsAPartialBatchAtOnce() {
    Tracer tracer = tracer(HOUR, 100, 10);
    endSpans(tracer, 3);
    assertThat(processor.forceFlush(10, TimeUnit.SECONDS)).isTrue();
    assertThat(exporter.spans()).hasSize(3);
  }

  @Test
  void whenTheQueueIsFullSpansAreDroppedAndCountedWithoutBlocking() throws Exception {
    Tracer tracer = tracer(HOUR, 4, 2);
    exporter.blocking();
    try (LogCapture log = LogCapture.start()) {
      endSpans(tracer, 2); // one full batch: the export thread takes it and blocks in export
      assertThat(exporter.awaitExportEntered(WAIT)).isTrue();
      assertTimeoutPreemptively(Duration.ofSeconds(5), () -> endSpans(tracer, 9));

      assertThat(processor.droppedSpans()).isEqualTo(5);
      assertThat(processor.queueSize()).isEqualTo(4);
      exporter.unblock();
      assertThat(processor.forceFlush(10, TimeUnit.SECONDS)).isTrue();
      assertThat(exporter.spans()).hasSize(6);
      assertThat(log.lines())
          .filteredOn(line -> line.contains("dropped"))
          .singleElement()
          .asString()
          .contains("WARN", "dropped 5 spans: queue full (otel.bsp.max.queue.size=4)");
    }
  }

  @Test
  void shutdownExportsWhatIsQueuedAndShutsTheExporterDown() throws Exception {
    Tracer tracer = tracer(HOUR, 100, 50);
    endSpans(tracer, 5);
    Thread exportThread = processor.exportThread();

    assertThat(provider.shutdown(10, TimeUnit.SECONDS)).isTrue();
    assertThat(exporter.spans()).hasSize(5);
    assertThat(exporter.shutdowns()).isEqualTo(1);
    exportThread.join(WAIT.toMillis());
    assertThat(exportThread.isAlive()).isFalse();

    endSpans(tracer, 3);
    assertThat(processor.shutdown(1, TimeUnit.SECONDS)).isTrue();
    assertThat(exporter.spans()).hasSize(5);
    assertThat(exporter.shutdowns()).isEqualTo(1);
  }

  @Test
  void shutdownIsBoundedEvenWhenTheExporterHangs() throws Exception {
    Tracer tracer = tracer(HOUR, 100, 1);
    exporter.blocking();
    endSpans(tracer, 1);
    assertThat(exporter.awaitExportEntered(WAIT)).isTrue();

    long start = System.nanoTime();
    boolean finished = processor.shutdown(200, TimeUnit.MILLISECONDS);
    long tookMillis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);

    assertThat(finished).isFalse();
    assertThat(tookMillis).isLessThan(5_000);
    assertThat(processor.exportThread().isDaemon()).isTrue(); // cannot keep the JVM alive
  }

  @Test
  void onlyTheExportThreadCallsTheExporter() throws Exception {
    Tracer tracer = tracer(HOUR, 100, 4);
    endSpans(tracer, 10);
    exporter.awaitSpans(8, WAIT);
    processor.forceFlush(10, TimeUnit.SECONDS);
    provider.shutdown(10, TimeUnit.SECONDS);
    assertThat(exporter.spans()).hasSize(10);
    assertThat(exporter.callerThreads()).containsExactly("weft-bsp");
  }

  @Test
  void theExportThreadStartsWithTheFirstSpanAsADaemon() {
    Tracer tracer = tracer(HOUR, 100, 10);
    assertThat(processor.exportThread()).isNull();
    tracer.spanBuilder("first").startSpan();
    assertThat(processor.exportThread()).isNull(); // started, not ended
    endSpans(tracer, 1);
    Thread thread = processor.exportThread();
    assertThat(thread.getName()).isEqualTo("weft-bsp");
    assertThat(thread.isDaemon()).isTrue();
  }

  @Test
  void unsampledSpansNeverReachTheExporter() {
    processor = new BatchSpanProcessor(exporter, HOUR, TIMEOUT, 100, 10);
    provider =
        SdkTracerProvider.builder()
            .sampler(new RecordOnlySampler())
            .addSpanProcessor(processor)
            .build();
    Tracer tracer = provider.get("bsp-test", null);
    endSpans(tracer, 20);
    assertThat(processor.forceFlush(1, TimeUnit.SECONDS)).isTrue();
    assertThat(exporter.spans()).isEmpty();
    assertThat(processor.exportThread()).isNull();
  }

  @Test
  void anExporterThatThrowsLosesItsBatchButNotTheThread() throws Exception {
    Tracer tracer = tracer(HOUR, 100, 2);
    exporter.throwing(new IllegalStateException("broken exporter"));
    try (LogCapture log = LogCapture.start()) {
      endSpans(tracer, 2);
      assertThat(processor.forceFlush(10, TimeUnit.SECONDS)).isTrue();
      exporter.throwing(null);
      endSpans(tracer, 2);
      assertThat(exporter.awaitSpans(2, WAIT)).hasSize(2);
      assertThat(processor.exportThread().isAlive()).isTrue();
      assertThat(log.lines()).anySatisfy(line -> assertThat(line).contains("broken exporter"));
    }
  }

  @Test
  void manyThreadsEndingSpansLoseNothing() throws Exception {
    Tracer tracer = tracer(TimeUnit.MILLISECONDS.toNanos(20), 20_000, 256);
    ExecutorService pool = Executors.newFixedThreadPool(8);
    try {
      List<Future<?>> done = new ArrayList<>();
      for (int t = 0; t < 8; t++) {
        done.add(pool.submit(() -> endSpans(tracer, 1_000)));
      }
      for (Future<?> future : done) {
        future.get(30, TimeUnit.SECONDS);
      }
    } finally {
      pool.shutdownNow();
    }
    List<SpanData> spans = exporter.awaitSpans(8_000, WAIT);
    assertThat(spans).hasSize(8_000).doesNotHaveDuplicates();
    assertThat(processor.droppedSpans()).isZero();
    assertThat(processor.exportedSpans()).isEqualTo(8_000);
  }

  @Test
  void settingsComeFromBatchSettings() {
    dev.weft.core.config.AgentSettings settings =
        dev.weft.core.config.AgentSettings.read(
            dev.weft.sdk.testing.TestConfigs.of(
                "otel.bsp.schedule.delay", "2s",
                "otel.bsp.max.queue.size", "100",
                "otel.bsp.max.export.batch.size", "20",
                "otel.bsp.export.timeout", "7000"));
    BatchSpanProcessor configured = BatchSpanProcessor.create(exporter, settings.spanProcessor());
    assertThat(configured)
        .hasToString(
            "BatchSpanProcessor{exporter=InMemorySpanExporter, scheduleDelay=2000ms,"
                + " exportTimeout=7000ms, maxQueueSize=100, maxExportBatchSize=20}");
    configured.shutdown(1, TimeUnit.SECONDS);
  }
}
