package dev.weft.bootstrap.context;

import dev.weft.bootstrap.WeftLogger;
import java.util.List;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.RejectedExecutionHandler;
import java.util.concurrent.ThreadPoolExecutor;

/**
 * The calls the {@code executors} instrumentation weaves into JDK classes (as method hooks, with
 * plain ASM): each is {@link TaskContexts} plus the decision the woven method needs. They run
 * inside the JDK's own code, so none of them ever throws: an error is logged at debug and the JDK
 * method goes on as without the agent.
 */
public final class TaskHooks {

  private TaskHooks() {}

  /** A task being queued: attach the current context to it. */
  public static void capture(Object task) {
    try {
      TaskContexts.capture(task);
    } catch (Throwable t) {
      suppressed(t);
    }
  }

  /**
   * A completion pushed on a {@code CompletableFuture}'s stack: the first push wins (the completing
   * thread moves dependents onto its own stage's stack through the same method). A waiting {@code
   * get()} is pushed there too, but is not a stage.
   */
  public static void captureCompletion(Object completion) {
    try {
      if (!(completion instanceof ForkJoinPool.ManagedBlocker)) {
        TaskContexts.captureIfAbsent(completion);
      }
    } catch (Throwable t) {
      suppressed(t);
    }
  }

  /** A task about to run on this thread: its context is current until {@link #exit}. */
  public static Object attach(Object task) {
    try {
      return TaskContexts.attach(task);
    } catch (Throwable t) {
      suppressed(t);
      return null;
    }
  }

  /**
   * A completion being fired: like {@link #attach}, but it keeps its context (it may fire again).
   */
  public static Object attachKeeping(Object completion) {
    try {
      return TaskContexts.attachKeeping(completion);
    } catch (Throwable t) {
      suppressed(t);
      return null;
    }
  }

  /**
   * A thread's run method: only on the thread itself. Calling {@code run()} directly on another
   * thread's object runs it in the caller's context, as without the agent.
   */
  public static Object attachThread(Object thread) {
    try {
      return thread == Thread.currentThread() ? TaskContexts.attach(thread) : null;
    } catch (Throwable t) {
      suppressed(t);
      return null;
    }
  }

  /**
   * A new pool worker: it serves every later task, so it must not start with the context of the
   * task whose submission created it.
   */
  public static Object enterRoot(Object executor) {
    try {
      return Context.current() == Context.root() ? null : Context.root().makeCurrent();
    } catch (Throwable t) {
      suppressed(t);
      return null;
    }
  }

  /**
   * Closes what {@link #attach}, {@link #attachThread} or {@link #enterRoot} opened, if anything.
   */
  public static void exit(Object scope) {
    try {
      if (scope != null) {
        ((Scope) scope).close();
      }
    } catch (Throwable t) {
      suppressed(t);
    }
  }

  /** {@code cancel} returned: a cancelled task will not run, forget its context. */
  public static void cancelled(boolean cancelled, Object task) {
    if (cancelled) {
      clear(task);
    }
  }

  /** {@code remove(task)} returned: a task taken off the queue will not run. */
  public static void removed(boolean removed, Object task) {
    if (removed) {
      clear(task);
    }
  }

  /** {@code shutdownNow} returned the tasks that never ran. */
  public static void neverRun(Object tasks) {
    try {
      if (tasks instanceof List) {
        List<?> list = (List<?>) tasks;
        for (int i = 0; i < list.size(); i++) {
          TaskContexts.clear(list.get(i));
        }
      }
    } catch (Throwable t) {
      suppressed(t);
    }
  }

  /**
   * {@code reject(task)} returned: the task does not run, so its context goes, unless the handler
   * may still run it ({@code DiscardOldestPolicy} executes it again; a handler of the application's
   * may queue it itself, and then it keeps its context, held no longer than the task). When {@code
   * reject} throws, {@link #clear} runs instead.
   */
  public static void rejected(Object executor, Object task) {
    try {
      RejectedExecutionHandler handler =
          ((ThreadPoolExecutor) executor).getRejectedExecutionHandler();
      if (handler instanceof ThreadPoolExecutor.AbortPolicy
          || handler instanceof ThreadPoolExecutor.CallerRunsPolicy
          || handler instanceof ThreadPoolExecutor.DiscardPolicy) {
        TaskContexts.clear(task);
      }
    } catch (Throwable t) {
      suppressed(t);
    }
  }

  /** A thread about to start: attach the current context if its run will pick it up. */
  public static void captureThread(Object thread) {
    try {
      Thread t = (Thread) thread;
      if (t.getState() == Thread.State.NEW) { // starting a started thread fails: keep its context
        TaskContexts.captureForThread(t);
      }
    } catch (Throwable t) {
      suppressed(t);
    }
  }

  /** {@code start} threw: a thread that did not start will not run, forget its context. */
  public static void threadNotStarted(Object thread) {
    try {
      if (((Thread) thread).getState() == Thread.State.NEW) {
        TaskContexts.clear(thread);
      }
    } catch (Throwable t) {
      suppressed(t);
    }
  }

  /** Forgets a task's context. */
  public static void clear(Object task) {
    try {
      TaskContexts.clear(task);
    } catch (Throwable t) {
      suppressed(t);
    }
  }

  /** Woven in place of {@code task.run()} in a pool's worker loop. */
  public static void run(Runnable task) {
    TaskContexts.run(task);
  }

  private static void suppressed(Throwable t) {
    try {
      WeftLogger.get("executors").debug("Error in an executors hook (suppressed)", t);
    } catch (Throwable ignored) {
      // out of memory or stack: the JDK method goes on regardless
    }
  }
}
