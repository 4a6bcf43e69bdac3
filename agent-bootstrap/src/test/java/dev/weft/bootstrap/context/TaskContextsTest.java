package dev.weft.bootstrap.context;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.lang.ref.WeakReference;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

@SuppressWarnings("try") // scopes opened only for their effect on the current context
class TaskContextsTest {

  private static final ContextKey<Object> VALUE = ContextKey.named("value");

  private final Context a = Context.root().with(VALUE, "a");
  private final Context b = Context.root().with(VALUE, "b");

  @AfterEach
  void nothingLeftCurrent() {
    assertThat(Context.current()).isSameAs(Context.root());
  }

  @Test
  void attachMakesTheCapturedContextCurrentOnceAndRestores() {
    Object task = new Object();
    try (Scope ignored = a.makeCurrent()) {
      TaskContexts.capture(task);
    }
    try (Scope ignored = b.makeCurrent()) {
      Scope scope = TaskContexts.attach(task);
      assertThat(Context.current()).isSameAs(a);
      scope.close();
      assertThat(Context.current()).isSameAs(b);
      assertThat(TaskContexts.attach(task)).as("taken by the first run").isNull();
    }
  }

  @Test
  void nothingIsStoredUnderTheRootContext() {
    int before = TaskContexts.size();
    Object task = new Object();
    TaskContexts.capture(task);
    TaskContexts.capture(null);
    assertThat(TaskContexts.size()).isEqualTo(before);
    assertThat(TaskContexts.attach(task)).isNull();
    assertThat(TaskContexts.attach(null)).isNull();
  }

  @Test
  void aLaterCaptureReplacesAndClearForgets() {
    Object task = new Object();
    try (Scope ignored = a.makeCurrent()) {
      TaskContexts.capture(task);
    }
    try (Scope ignored = b.makeCurrent()) {
      TaskContexts.capture(task);
    }
    assertThat(TaskContexts.peek(task)).isSameAs(b);
    try (Scope ignored = a.makeCurrent()) {
      TaskContexts.captureIfAbsent(task);
    }
    assertThat(TaskContexts.peek(task)).as("kept").isSameAs(b);
    TaskContexts.clear(task);
    assertThat(TaskContexts.peek(task)).isNull();
  }

  @Test
  void attachKeepingLeavesTheContextForTheNextFiring() {
    Object completion = new Object();
    try (Scope ignored = a.makeCurrent()) {
      TaskContexts.capture(completion);
    }
    TaskContexts.attachKeeping(completion).close();
    try (Scope ignored = TaskContexts.attachKeeping(completion)) {
      assertThat(Context.current()).isSameAs(a);
    }
    TaskContexts.clear(completion);
  }

  @Test
  void runRestoresTheWorkersContextAlsoWhenTheTaskThrows() {
    Runnable failing =
        () -> {
          assertThat(Context.current()).isSameAs(a);
          throw new IllegalStateException("boom");
        };
    try (Scope ignored = a.makeCurrent()) {
      TaskContexts.capture(failing);
    }
    try (Scope ignored = b.makeCurrent()) {
      assertThatThrownBy(() -> TaskContexts.run(failing)).hasMessage("boom");
      assertThat(Context.current()).isSameAs(b);
    }
  }

  @Test
  void aCollectedTaskDoesNotPinItsContext() throws Exception {
    List<WeakReference<Object>> values = new ArrayList<>();
    for (int i = 0; i < 1000; i++) {
      Object value = new Object();
      values.add(new WeakReference<>(value));
      try (Scope ignored = Context.root().with(VALUE, value).makeCurrent()) {
        TaskContexts.capture(new Object()); // the task is garbage at once
      }
    }
    for (int i = 0; i < 50 && values.stream().anyMatch(r -> r.get() != null); i++) {
      System.gc();
      Thread.sleep(20);
      TaskContexts.size(); // purges what was collected
    }
    assertThat(values).allMatch(r -> r.get() == null);
  }

  @Test
  void manyThreadsCaptureAndAttachTheirOwnTasks() throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(4);
    AtomicInteger wrong = new AtomicInteger();
    try {
      List<Future<?>> futures = new ArrayList<>();
      for (int t = 0; t < 4; t++) {
        futures.add(
            pool.submit(
                () -> {
                  for (int i = 0; i < 20_000; i++) {
                    Object task = new Object();
                    Context mine = Context.root().with(VALUE, task);
                    try (Scope ignored = mine.makeCurrent()) {
                      TaskContexts.capture(task);
                    }
                    try (Scope scope = TaskContexts.attach(task)) {
                      if (Context.current() != mine) {
                        wrong.incrementAndGet();
                      }
                    }
                  }
                }));
      }
      for (Future<?> future : futures) {
        future.get(60, TimeUnit.SECONDS);
      }
    } finally {
      pool.shutdownNow();
    }
    assertThat(wrong).hasValue(0);
  }

  @Test
  void threadsWhoseRunIsNotPickedUpAreNotCaptured() {
    try (Scope ignored = a.makeCurrent()) {
      Thread plain = new Thread(() -> {});
      Thread subclass = new Thread() {};
      java.util.concurrent.ForkJoinPool pool = new java.util.concurrent.ForkJoinPool(1);
      Thread workerLike =
          java.util.concurrent.ForkJoinPool.defaultForkJoinWorkerThreadFactory.newThread(pool);
      pool.shutdownNow();
      assertThat(TaskContexts.captureForThread(plain)).isTrue();
      assertThat(TaskContexts.captureForThread(subclass)).isTrue();
      assertThat(TaskContexts.captureForThread(workerLike)).isFalse();
      TaskContexts.clear(plain);
      TaskContexts.clear(subclass);
    }
    assertThat(TaskContexts.captureForThread(new Thread(() -> {}))).isFalse();
  }
}
