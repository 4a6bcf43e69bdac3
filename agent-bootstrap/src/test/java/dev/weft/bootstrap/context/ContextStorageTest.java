package dev.weft.bootstrap.context;

import static org.assertj.core.api.Assertions.assertThat;

import dev.weft.bootstrap.WeftLogger;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.lang.ref.WeakReference;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

@SuppressWarnings("try") // scopes opened only for their effect on the current context
class ContextStorageTest {

  private static final ContextKey<String> NAME = ContextKey.named("name");

  private final Context a = Context.root().with(NAME, "a");
  private final Context b = Context.root().with(NAME, "b");
  private final Context c = Context.root().with(NAME, "c");
  private final ByteArrayOutputStream logged = new ByteArrayOutputStream();
  private WeftLogger.Level savedLevel;

  @BeforeEach
  void captureLog() {
    savedLevel = WeftLogger.level();
    WeftLogger.configure(WeftLogger.Level.DEBUG);
    WeftLogger.redirect(new PrintStream(logged, true, StandardCharsets.UTF_8));
    ContextStorage.resetOutOfOrderLog();
  }

  @AfterEach
  void restoreLogAndCheckNothingLeaked() {
    WeftLogger.redirect(System.err);
    WeftLogger.configure(savedLevel);
    assertThat(Context.current()).isSameAs(Context.root());
    assertThat(ContextStorage.openSlots()).isZero();
  }

  @Test
  void rootIsCurrentWhenNothingWasAttached() {
    assertThat(Context.current()).isSameAs(Context.root());
  }

  @Test
  void nestedScopesRestoreInReverseOrder() {
    try (Scope outer = a.makeCurrent()) {
      assertThat(Context.current()).isSameAs(a);
      try (Scope middle = b.makeCurrent()) {
        assertThat(Context.current()).isSameAs(b);
        try (Scope inner = c.makeCurrent()) {
          assertThat(Context.current()).isSameAs(c);
        }
        assertThat(Context.current()).isSameAs(b);
      }
      assertThat(Context.current()).isSameAs(a);
    }
    assertThat(logOutput()).isEmpty();
  }

  @Test
  void reattachingTheCurrentContextReturnsNoopScope() {
    assertThat(Context.root().makeCurrent()).isSameAs(Scope.NOOP);
    try (Scope outer = a.makeCurrent()) {
      Scope again = a.makeCurrent();
      assertThat(again).isSameAs(Scope.NOOP);
      again.close();
      assertThat(Context.current()).isSameAs(a);
    }
  }

  @Test
  void attachingRootInsideAScopeIsRestored() {
    try (Scope outer = a.makeCurrent()) {
      try (Scope inner = Context.root().makeCurrent()) {
        assertThat(Context.current()).isSameAs(Context.root());
      }
      assertThat(Context.current()).isSameAs(a);
    }
  }

  @Test
  void closingTwiceIsANoop() {
    Scope outer = a.makeCurrent();
    Scope inner = b.makeCurrent();
    inner.close();
    inner.close();
    assertThat(Context.current()).isSameAs(a);
    Scope again = c.makeCurrent();
    inner.close(); // a stale second close must not pop the newer scope
    assertThat(Context.current()).isSameAs(c);
    again.close();
    outer.close();
    outer.close();
    assertThat(logOutput()).isEmpty();
  }

  @Test
  void aStaleCloseOfAReusedSlotOfAMarkedScopeChangesNothing() {
    Scope outer = a.makeCurrent();
    Scope middle = b.makeCurrent();
    Scope inner = c.makeCurrent();
    middle.close(); // out of order: marked
    inner.close(); // pops inner and the marked middle
    assertThat(Context.current()).isSameAs(a);
    Scope reuse = b.makeCurrent(); // the same slot middle had, same context even
    middle.close();
    inner.close();
    assertThat(Context.current()).isSameAs(b);
    reuse.close();
    outer.close();
  }

  @Test
  void deepNestingGrowsAndUnwindsCompletely() {
    Context[] contexts = new Context[100];
    Scope[] scopes = new Scope[100];
    for (int i = 0; i < scopes.length; i++) {
      contexts[i] = Context.root().with(NAME, "level " + i);
      scopes[i] = contexts[i].makeCurrent();
    }
    for (int i = scopes.length - 1; i >= 0; i--) {
      assertThat(Context.current()).isSameAs(contexts[i]);
      scopes[i].close();
    }
  }

  @Test
  void aClosedScopeNoLongerKeepsItsContextReachable() throws Exception {
    WeakReference<Context> ref = attachAndClose();
    for (int i = 0; i < 50 && ref.get() != null; i++) {
      System.gc();
      Thread.sleep(10);
    }
    assertThat(ref.get()).isNull();
  }

  @Test
  void aScopeClosedOutOfOrderNoLongerKeepsItsContextReachable() throws Exception {
    Scope[] outer = new Scope[1];
    WeakReference<Context> ref = attachOnly(outer);
    try (Scope inner = b.makeCurrent()) {
      outer[0].close(); // out of order
      for (int i = 0; i < 50 && ref.get() != null; i++) {
        System.gc();
        Thread.sleep(10);
      }
      assertThat(ref.get()).isNull();
      assertThat(Context.current()).isSameAs(b);
    }
  }

  private static WeakReference<Context> attachOnly(Scope[] scope) {
    Context context = Context.root().with(NAME, new String("out of order"));
    scope[0] = context.makeCurrent();
    return new WeakReference<>(context);
  }

  private static WeakReference<Context> attachAndClose() {
    Context context = Context.root().with(NAME, new String("short-lived"));
    try (Scope ignored = context.makeCurrent()) {
      assertThat(Context.current()).isSameAs(context);
    }
    return new WeakReference<>(context);
  }

  @Test
  void outOfOrderCloseLeavesInnermostIntact() {
    Scope outer = a.makeCurrent();
    Scope inner = b.makeCurrent();
    outer.close();
    assertThat(Context.current()).isSameAs(b);
    inner.close();
    // The outer scope was already closed, so the thread goes back past it to root.
    assertThat(Context.current()).isSameAs(Context.root());
  }

  @Test
  void outOfOrderCloseInTheMiddleUnwindsToNearestOpenScope() {
    try (Scope outer = a.makeCurrent()) {
      Scope middle = b.makeCurrent();
      Scope inner = c.makeCurrent();
      middle.close();
      assertThat(Context.current()).isSameAs(c);
      inner.close();
      assertThat(Context.current()).isSameAs(a);
    }
  }

  @Test
  void sameContextAtTwoLevelsIsNotMistakenForTheInnermost() {
    Scope first = a.makeCurrent();
    Scope second = b.makeCurrent();
    Scope third = a.makeCurrent();
    first.close(); // its context is current again, but it is not the innermost scope
    assertThat(Context.current()).isSameAs(a);
    third.close();
    assertThat(Context.current()).isSameAs(b);
    second.close();
    assertThat(Context.current()).isSameAs(Context.root());
  }

  @Test
  void outOfOrderCloseIsLoggedOnceAtDebug() {
    for (int i = 0; i < 3; i++) {
      Scope outer = a.makeCurrent();
      Scope inner = b.makeCurrent();
      outer.close();
      inner.close();
    }
    assertThat(logOutput())
        .containsOnlyOnce("scope closed out of order")
        .startsWith("[weft] DEBUG context - ");
  }

  @Test
  void outOfOrderCloseIsSilentWithoutDebug() {
    WeftLogger.configure(WeftLogger.Level.INFO);
    Scope outer = a.makeCurrent();
    Scope inner = b.makeCurrent();
    outer.close();
    inner.close();
    assertThat(logOutput()).isEmpty();
  }

  @Test
  void threadsAreIsolated() throws Exception {
    ExecutorService pool = Executors.newSingleThreadExecutor();
    try (Scope scope = a.makeCurrent()) {
      Future<Context> seen = pool.submit(Context::current);
      assertThat(seen.get(10, TimeUnit.SECONDS)).isSameAs(Context.root());
      Future<Context> attachedThere =
          pool.submit(
              () -> {
                b.makeCurrent(); // left open on purpose: must not leak into this thread
                return Context.current();
              });
      assertThat(attachedThere.get(10, TimeUnit.SECONDS)).isSameAs(b);
      assertThat(Context.current()).isSameAs(a);
    } finally {
      pool.shutdownNow();
    }
  }

  @Test
  void closingOnAnotherThreadChangesNothing() throws Exception {
    Scope scope = a.makeCurrent();
    CountDownLatch closed = new CountDownLatch(1);
    Thread other =
        new Thread(
            () -> {
              try (Scope there = a.makeCurrent()) {
                scope.close(); // the same context is current there, but the scope is not its own
                assertThat(Context.current()).isSameAs(a);
              }
              closed.countDown();
            });
    other.start();
    assertThat(closed.await(10, TimeUnit.SECONDS)).isTrue();
    other.join();
    assertThat(Context.current()).isSameAs(a);
    scope.close();
    assertThat(logOutput()).containsOnlyOnce("scope closed out of order");
  }

  private String logOutput() {
    return logged.toString(StandardCharsets.UTF_8);
  }
}
