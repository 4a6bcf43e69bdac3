package dev.weft.sdk.trace;

import static org.assertj.core.api.Assertions.assertThat;

import dev.weft.core.api.trace.Tracer;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class SpanConcurrencyTest {

  private static final int THREADS = 8;

  private final ExecutorService pool = Executors.newFixedThreadPool(THREADS);
  private final RecordingSpanProcessor processor = new RecordingSpanProcessor();
  private final Tracer tracer =
      SdkTracerProvider.builder().addSpanProcessor(processor).build().get("test", null);

  @AfterEach
  void stopPool() {
    pool.shutdownNow();
  }

  @Test
  void racingEndCallsEndTheSpanExactlyOnce() throws Exception {
    int spans = 300;
    for (int i = 0; i < spans; i++) {
      SdkSpan span = (SdkSpan) tracer.spanBuilder("op" + i).startSpan();
      CountDownLatch go = new CountDownLatch(1);
      List<Future<?>> calls = new ArrayList<>();
      for (int t = 0; t < THREADS; t++) {
        calls.add(
            pool.submit(
                () -> {
                  go.await();
                  span.end();
                  return null;
                }));
      }
      go.countDown();
      for (Future<?> call : calls) {
        call.get(10, TimeUnit.SECONDS);
      }
      assertThat(span.hasEnded()).isTrue();
    }
    assertThat(processor.ended).hasSize(spans);
    assertThat(processor.ended).doesNotHaveDuplicates();
  }

  @Test
  void spansStartedOnManyThreadsHaveDistinctIds() throws Exception {
    List<Future<List<Long>>> results = new ArrayList<>();
    for (int t = 0; t < THREADS; t++) {
      results.add(
          pool.submit(
              () -> {
                List<Long> ids = new ArrayList<>();
                for (int i = 0; i < 2_000; i++) {
                  SdkSpan span = (SdkSpan) tracer.spanBuilder("op").startSpan();
                  ids.add(span.spanContext().spanId());
                  span.end();
                }
                return ids;
              }));
    }
    List<Long> all = new ArrayList<>();
    for (Future<List<Long>> result : results) {
      all.addAll(result.get(30, TimeUnit.SECONDS));
    }
    assertThat(all).hasSize(THREADS * 2_000).doesNotHaveDuplicates().doesNotContain(0L);
  }
}
