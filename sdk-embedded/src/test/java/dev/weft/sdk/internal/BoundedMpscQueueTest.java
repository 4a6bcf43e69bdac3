package dev.weft.sdk.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class BoundedMpscQueueTest {

  @Test
  void holdsExactlyItsCapacityEvenWhenNotAPowerOfTwo() {
    BoundedMpscQueue<Integer> queue = new BoundedMpscQueue<>(5);
    for (int i = 0; i < 5; i++) {
      assertThat(queue.offer(i)).isTrue();
    }
    assertThat(queue.offer(5)).isFalse();
    assertThat(queue.size()).isEqualTo(5);
    assertThat(queue.poll()).isEqualTo(0);
    assertThat(queue.offer(5)).isTrue();
    assertThat(queue.offer(6)).isFalse();
  }

  @Test
  void isFirstInFirstOutAcrossWrapAround() {
    BoundedMpscQueue<Integer> queue = new BoundedMpscQueue<>(3);
    List<Integer> out = new ArrayList<>();
    for (int i = 0; i < 20; i++) {
      queue.offer(i);
      if (i % 2 == 1) {
        queue.drainTo(out, 10);
      }
    }
    assertThat(out)
        .containsExactly(0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19);
    assertThat(queue.poll()).isNull();
    assertThat(queue.size()).isZero();
  }

  @Test
  void drainToStopsAtMax() {
    BoundedMpscQueue<Integer> queue = new BoundedMpscQueue<>(10);
    for (int i = 0; i < 10; i++) {
      queue.offer(i);
    }
    List<Integer> out = new ArrayList<>();
    assertThat(queue.drainTo(out, 4)).isEqualTo(4);
    assertThat(out).containsExactly(0, 1, 2, 3);
    assertThat(queue.size()).isEqualTo(6);
  }

  @Test
  void rejectsNullsAndBadCapacities() {
    assertThatThrownBy(() -> new BoundedMpscQueue<>(0))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new BoundedMpscQueue<String>(1).offer(null))
        .isInstanceOf(NullPointerException.class);
  }

  @Test
  void concurrentProducersAndOneConsumerLoseAndDuplicateNothing() throws Exception {
    int producers = 8;
    int perProducer = 50_000;
    BoundedMpscQueue<Integer> queue = new BoundedMpscQueue<>(1000);
    ExecutorService pool = Executors.newFixedThreadPool(producers);
    AtomicInteger rejected = new AtomicInteger();
    CountDownLatch go = new CountDownLatch(1);
    try {
      List<Future<?>> done = new ArrayList<>();
      for (int p = 0; p < producers; p++) {
        int base = p * perProducer;
        done.add(
            pool.submit(
                () -> {
                  go.await();
                  for (int i = 0; i < perProducer; i++) {
                    if (!queue.offer(base + i)) {
                      rejected.incrementAndGet();
                    }
                  }
                  return null;
                }));
      }
      go.countDown();
      int consumed = consumeUntil(queue, producers, perProducer, rejected);
      for (Future<?> future : done) {
        future.get(10, TimeUnit.SECONDS);
      }
      assertThat(queue.poll()).isNull();
      assertThat(consumed + rejected.get()).isEqualTo(producers * perProducer);
    } finally {
      pool.shutdownNow();
    }
  }

  /** Polls until every offered element was seen or rejected; checks uniqueness and order. */
  private static int consumeUntil(
      BoundedMpscQueue<Integer> queue, int producers, int perProducer, AtomicInteger rejected) {
    Set<Integer> seen = new HashSet<>();
    int[] lastPerProducer = new int[producers];
    Arrays.fill(lastPerProducer, -1);
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
    while (seen.size() + rejected.get() < producers * perProducer) {
      assertThat(System.nanoTime()).isLessThan(deadline);
      Integer value = queue.poll();
      if (value == null) {
        Thread.onSpinWait();
        continue;
      }
      assertThat(seen.add(value)).isTrue();
      int producer = value / perProducer;
      assertThat(value).isGreaterThan(lastPerProducer[producer]); // per-producer order kept
      lastPerProducer[producer] = value;
    }
    return seen.size();
  }
}
