package dev.weft.bootstrap.context;

import java.lang.ref.Reference;
import java.lang.ref.ReferenceQueue;
import java.lang.ref.WeakReference;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The context a task was submitted under, attached to the task object itself (not to a wrapper), so
 * that queues, {@code remove(task)}, {@code equals}/{@code hashCode} and {@code toString} behave
 * exactly as without the agent. Used by advice woven into the JDK's executors, fork/join, {@code
 * CompletableFuture} and threads.
 *
 * <p>Tasks are held weakly and compared by identity; the context strongly, until the task runs
 * ({@link #attach}), is cancelled or rejected ({@link #clear}), or is collected (its entry is
 * purged on a later {@link #capture}). Nothing is stored, and nothing allocated, when the current
 * context is the root context. Lookups never allocate, cost one volatile read when no task anywhere
 * holds a context, and take a lock only when the task's stripe holds entries; a capture allocates
 * one entry.
 *
 * <p>JDK classes loaded before the agent cannot be given a field, hence a table here. Thread-safe.
 */
public final class TaskContexts {

  // Power of two. Entries live only from submission to run, so stripes stay short; more stripes
  // only spread lock contention between submitting and running threads.
  private static final int STRIPES = 64;
  private static final Stripe[] stripes = new Stripe[STRIPES];
  private static final ReferenceQueue<Object> collected = new ReferenceQueue<>();
  // Entries in all stripes. Raised before an entry is linked and lowered after it is unlinked, so
  // a thread that was handed a task after its capture never reads 0 while the task's entry is
  // there. Zero (nothing traced, or nothing in flight) spares every run the identity hash, which
  // for a fresh task object is a call into the VM.
  private static final AtomicInteger entries = new AtomicInteger();
  // Whether the agent picks the context up when a thread of this class runs: Thread.run() and the
  // run() of application subclasses are woven, a virtual thread's task runner too, but a JDK
  // subclass with its own run() (fork/join workers, timer and selector threads) is not; capturing
  // for those would pin the context for the thread's whole life.
  private static final ClassValue<Boolean> runPicksUpContext =
      new ClassValue<Boolean>() {
        @Override
        protected Boolean computeValue(Class<?> type) {
          for (Class<?> c = type; c != null && c != Thread.class; c = c.getSuperclass()) {
            if (c.getName().equals("java.lang.VirtualThread")) {
              return Boolean.TRUE;
            }
            if (isPlatformClass(c) && declaresRun(c)) {
              return Boolean.FALSE;
            }
          }
          return Boolean.TRUE;
        }
      };

  static {
    for (int i = 0; i < STRIPES; i++) {
      stripes[i] = new Stripe();
    }
  }

  private TaskContexts() {}

  /**
   * Attaches the current context to {@code task}, replacing any context attached before; does
   * nothing when the current context is root or {@code task} is null.
   */
  public static void capture(Object task) {
    Context context = Context.current();
    if (context != Context.root() && task != null) {
      put(task, context, true);
    }
  }

  /**
   * Like {@link #capture}, but keeps a context already attached: for objects the JDK may hand on
   * again from another thread after their submission (a {@code CompletableFuture} moves the
   * dependents of a completed stage onto its own stack, on the completing thread).
   */
  public static void captureIfAbsent(Object task) {
    Context context = Context.current();
    if (context != Context.root() && task != null) {
      put(task, context, false);
    }
  }

  /**
   * Attaches the current context to a thread about to start, if the thread will pick it up when it
   * runs (see {@code runPicksUpContext}). Returns whether it did, so that a failed start can {@link
   * #clear} it.
   */
  public static boolean captureForThread(Thread thread) {
    Context context = Context.current();
    if (context == Context.root() || !runPicksUpContext.get(thread.getClass())) {
      return false;
    }
    put(thread, context, true);
    return true;
  }

  /**
   * Detaches the task's context and makes it current. Returns the scope to close when the task is
   * done, or null when no context was attached (then nothing was allocated).
   */
  public static Scope attach(Object task) {
    Context context = take(task, true);
    return context == null ? null : context.makeCurrent();
  }

  /**
   * Makes the task's context current and leaves it attached, for tasks that may be fired more than
   * once before they run (a dependent stage of two futures). Null when none is attached.
   */
  public static Scope attachKeeping(Object task) {
    Context context = take(task, false);
    return context == null ? null : context.makeCurrent();
  }

  /** Forgets the task's context: for tasks that will not run (cancelled, rejected, removed). */
  public static void clear(Object task) {
    take(task, true);
  }

  /**
   * Runs {@code task} in the context attached to it, then restores the caller's context. Woven in
   * place of {@code task.run()} where an executor runs its tasks; exceptions pass through as they
   * are.
   */
  public static void run(Runnable task) {
    Scope scope = attach(task);
    if (scope == null) {
      task.run();
      return;
    }
    try {
      task.run();
    } finally {
      scope.close();
    }
  }

  // Visible for testing.
  static Context peek(Object task) {
    return take(task, false);
  }

  // Visible for testing: entries held, after purging those whose task was collected.
  static int size() {
    purge();
    int size = 0;
    for (Stripe stripe : stripes) {
      size += stripe.count;
    }
    return size;
  }

  private static boolean isPlatformClass(Class<?> type) {
    ClassLoader loader = type.getClassLoader();
    return loader == null || loader == ClassLoader.getPlatformClassLoader();
  }

  private static boolean declaresRun(Class<?> type) {
    try {
      type.getDeclaredMethod("run");
      return true;
    } catch (NoSuchMethodException | SecurityException e) {
      return false;
    }
  }

  private static void put(Object task, Context context, boolean replace) {
    purge();
    int hash = System.identityHashCode(task);
    Stripe stripe = stripes[hash & (STRIPES - 1)];
    synchronized (stripe) {
      stripe.put(task, hash, context, replace);
    }
  }

  private static Context take(Object task, boolean remove) {
    if (task == null || entries.get() == 0) {
      return null;
    }
    int hash = System.identityHashCode(task);
    Stripe stripe = stripes[hash & (STRIPES - 1)];
    if (stripe.count == 0) {
      return null; // the common case when nothing is traced: no lock
    }
    synchronized (stripe) {
      return stripe.find(task, hash, remove);
    }
  }

  private static void purge() {
    for (Reference<?> ref; (ref = collected.poll()) != null; ) {
      Entry entry = (Entry) ref;
      Stripe stripe = stripes[entry.hash & (STRIPES - 1)];
      synchronized (stripe) {
        stripe.unlink(entry);
      }
    }
  }

  /** One task's context; the task is the weak referent. */
  private static final class Entry extends WeakReference<Object> {
    final int hash;
    Context context; // guarded by the stripe
    Entry next; // guarded by the stripe

    Entry(Object task, int hash, Context context, Entry next) {
      super(task, collected);
      this.hash = hash;
      this.context = context;
      this.next = next;
    }
  }

  /** A small chained hash table, guarded by its own monitor. */
  private static final class Stripe {
    // Written under the monitor; read without it only to skip empty stripes.
    volatile int count;
    private Entry[] table = new Entry[8];

    void put(Object task, int hash, Context context, boolean replace) {
      int index = (hash >>> 6) & (table.length - 1);
      for (Entry e = table[index]; e != null; e = e.next) {
        if (e.get() == task) {
          if (replace) {
            e.context = context;
          }
          return;
        }
      }
      entries.incrementAndGet();
      table[index] = new Entry(task, hash, context, table[index]);
      count = count + 1;
      if (count > table.length * 2) {
        resize();
      }
    }

    Context find(Object task, int hash, boolean remove) {
      int index = (hash >>> 6) & (table.length - 1);
      Entry previous = null;
      for (Entry e = table[index]; e != null; previous = e, e = e.next) {
        if (e.get() == task) {
          Context context = e.context;
          if (remove) {
            unlinkAfter(previous, e, index);
            e.clear(); // no longer enqueued: the purge need not find it
          }
          return context;
        }
      }
      return null;
    }

    void unlink(Entry entry) {
      int index = (entry.hash >>> 6) & (table.length - 1);
      Entry previous = null;
      for (Entry e = table[index]; e != null; previous = e, e = e.next) {
        if (e == entry) {
          unlinkAfter(previous, e, index);
          return;
        }
      }
    }

    private void unlinkAfter(Entry previous, Entry e, int index) {
      if (previous == null) {
        table[index] = e.next;
      } else {
        previous.next = e.next;
      }
      e.next = null;
      e.context = null;
      count = count - 1;
      entries.decrementAndGet();
      if (count == 0 && table.length > 64) {
        table = new Entry[8]; // a burst of queued tasks is over: give the memory back
      }
    }

    private void resize() {
      Entry[] old = table;
      Entry[] grown = new Entry[old.length * 2];
      for (Entry head : old) {
        for (Entry e = head; e != null; ) {
          Entry next = e.next;
          int index = (e.hash >>> 6) & (grown.length - 1);
          e.next = grown[index];
          grown[index] = e;
          e = next;
        }
      }
      table = grown;
    }
  }
}
