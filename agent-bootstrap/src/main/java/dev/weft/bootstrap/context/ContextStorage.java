package dev.weft.bootstrap.context;

import dev.weft.bootstrap.WeftLogger;
import java.util.Arrays;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * The thread-local current {@link Context} and the scopes that restore it.
 *
 * <p>Each thread holds a stack of the contexts of its open scopes ({@link Frames}); the current
 * context is the top of the stack, or {@link Context#root()} when no scope is open. The rule for
 * closing a scope:
 *
 * <ul>
 *   <li>Closing the innermost open scope pops it and every enclosing scope that was already closed
 *       out of order, so the thread's context becomes that of the nearest still-open enclosing
 *       scope, or root. In correctly nested code this is exactly the context that was current
 *       before the scope's attach.
 *   <li>Closing a scope that is not the innermost (out of order) only marks it closed: the
 *       innermost scope, and so the current context, stays intact; the scope is popped when the
 *       scopes inside it are closed. The first such close in the JVM logs one DEBUG line.
 *   <li>Closing a scope twice is a no-op. Closing it on a thread other than the one that opened it
 *       changes nothing (and counts as out of order for the one DEBUG line).
 * </ul>
 *
 * <p>A scope is identified by its stack slot and the generation stamped on the slot when it was
 * pushed, never by its context, so re-attaching a context that an enclosing scope also holds, or
 * closing a scope whose slot has since been reused, cannot confuse the rule.
 *
 * <p>The state lives in the per-thread {@link Frames}, not in the scope object: a scope is three
 * final fields that never escape a caller that closes it in the same method, so the JIT removes its
 * allocation and attach plus close allocate nothing (see {@code ContextBenchmark}).
 */
final class ContextStorage {

  private static final WeftLogger log = WeftLogger.get("context");
  private static final ThreadLocal<Frames> frames = new ThreadLocal<>();
  // Once per JVM, not per occurrence: a library that closes out of order does so on every request.
  private static final AtomicBoolean outOfOrderLogged = new AtomicBoolean();

  private ContextStorage() {}

  static Context current() {
    Frames stack = frames.get();
    return stack == null ? Context.root() : stack.top();
  }

  static Scope attach(Context context) {
    Frames stack = frames.get();
    if (stack == null) {
      if (context == Context.root()) {
        return Scope.NOOP;
      }
      stack = new Frames(Thread.currentThread());
      frames.set(stack);
    } else if (stack.top() == context) {
      return Scope.NOOP;
    }
    return new FrameScope(stack, stack.push(context));
  }

  private static void logOutOfOrder() {
    if (outOfOrderLogged.compareAndSet(false, true)) {
      log.debug(
          "scope closed out of order (not the innermost open scope, or on another thread); the"
              + " thread's current context was left intact. Logged once per JVM.");
    }
  }

  // Visible for testing: lets each test observe the once-per-JVM line.
  static void resetOutOfOrderLog() {
    outOfOrderLogged.set(false);
  }

  // Visible for testing: how many slots the current thread holds (0 when it never attached).
  static int openSlots() {
    Frames stack = frames.get();
    return stack == null ? 0 : stack.depth;
  }

  /**
   * One thread's open scopes. Only the owner thread reads or writes it (closes from other threads
   * are turned away before touching it), so nothing here is volatile or locked. Popped slots are
   * cleared so that a closed scope never keeps its context reachable. Stamps only grow: a long does
   * not wrap in the life of a thread.
   */
  private static final class Frames {
    // Stands in the slot of a scope closed out of order until the scopes inside it are closed.
    private static final Context CLOSED = Context.root().with(ContextKey.named("closed"), "");

    private final Thread owner;
    private Context[] contexts = new Context[8];
    private int depth;

    Frames(Thread owner) {
      this.owner = owner;
    }

    Context top() {
      return depth == 0 ? Context.root() : contexts[depth - 1];
    }

    int push(Context context) {
      int slot = depth;
      if (slot == contexts.length) {
        contexts = Arrays.copyOf(contexts, slot * 2);
      }
      contexts[slot] = context;
      depth = slot + 1;
      return slot;
    }

    /** Closes the open scope in {@code slot}. */
    void close(int slot) {
      int top = depth - 1;
      if (slot != top) {
        contexts[slot] = CLOSED; // the innermost slot is never marked: it is always open
        logOutOfOrder();
        return;
      }
      contexts[slot] = null;
      depth = top;
      while (depth > 0 && contexts[depth - 1] == CLOSED) {
        contexts[--depth] = null;
      }
    }
  }

  /** One attach: its thread's frames, its slot there, and whether it was closed. */
  private static final class FrameScope implements Scope {
    private final Frames frames;
    private final int slot;
    // Only the owner thread reads or writes it (other threads are turned away first).
    private boolean closed;

    FrameScope(Frames frames, int slot) {
      this.frames = frames;
      this.slot = slot;
    }

    @Override
    public void close() {
      if (Thread.currentThread() != frames.owner) {
        logOutOfOrder();
        return;
      }
      if (closed) {
        return;
      }
      closed = true;
      frames.close(slot);
    }
  }
}
