package dev.weft.bootstrap.context;

import dev.weft.bootstrap.WeftLogger;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * The thread-local current {@link Context} and the scopes that restore it.
 *
 * <p>Each thread holds a stack of open scopes, linked from the innermost outwards; the current
 * context is the innermost scope's context, or {@link Context#root()} when no scope is open. The
 * rule for closing a scope:
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
 * <p>Scopes are compared by identity, not by context, so re-attaching a context that an enclosing
 * scope also holds cannot confuse the rule.
 */
final class ContextStorage {

  private static final WeftLogger log = WeftLogger.get("context");
  private static final ThreadLocal<RestoringScope> innermost = new ThreadLocal<>();
  // Once per JVM, not per occurrence: a library that closes out of order does so on every request.
  private static final AtomicBoolean outOfOrderLogged = new AtomicBoolean();

  private ContextStorage() {}

  static Context current() {
    RestoringScope scope = innermost.get();
    return scope == null ? Context.root() : scope.context;
  }

  static Scope attach(Context context) {
    RestoringScope enclosing = innermost.get();
    Context previous = enclosing == null ? Context.root() : enclosing.context;
    if (previous == context) {
      return Scope.NOOP;
    }
    RestoringScope scope = new RestoringScope(context, enclosing, Thread.currentThread());
    innermost.set(scope);
    return scope;
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

  /** One attach: knows its context, the scope that was innermost before it, and its thread. */
  private static final class RestoringScope implements Scope {
    private final Context context;
    private final RestoringScope enclosing;
    private final Thread owner;
    // Not volatile: only the owner thread reads or writes it (other threads are turned away).
    private boolean closed;

    RestoringScope(Context context, RestoringScope enclosing, Thread owner) {
      this.context = context;
      this.enclosing = enclosing;
      this.owner = owner;
    }

    @Override
    public void close() {
      if (Thread.currentThread() != owner) {
        logOutOfOrder();
        return;
      }
      if (closed) {
        return;
      }
      closed = true;
      if (innermost.get() != this) {
        logOutOfOrder();
        return;
      }
      RestoringScope next = enclosing;
      while (next != null && next.closed) {
        next = next.enclosing;
      }
      innermost.set(next);
    }
  }
}
