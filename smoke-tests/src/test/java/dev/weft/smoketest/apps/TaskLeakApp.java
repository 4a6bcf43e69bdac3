package dev.weft.smoketest.apps;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.lang.ref.WeakReference;
import java.lang.reflect.Method;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.Future;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.SynchronousQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

/**
 * Tasks that never run must not pin the context they were submitted under. Each {@code /leak}
 * request (a SERVER span, so a context of its own is current) submits tasks that are then
 * cancelled, removed, rejected, discarded, drained by {@code shutdownNow}, or whose source stage is
 * cancelled; the app keeps every task object reachable, and only a weak reference to the request's
 * context (read from Weft's bootstrap {@code Context.current()}). After a collection the contexts
 * must be gone. With {@code --keep-pending} each request also leaves one task queued behind a
 * blocked worker: that one legitimately holds its context, which proves the check can fail. Prints
 * "collected X of N".
 */
public final class TaskLeakApp {

  private static final int REQUESTS = 20;
  private static final CountDownLatch release = new CountDownLatch(1);
  private static final List<Object> kept = new ArrayList<>();
  private static final List<WeakReference<Object>> contexts = new ArrayList<>();
  private static boolean keepPending;
  private static java.util.Set<String> only = new java.util.HashSet<>();

  private static final ThreadPoolExecutor blockedQueue =
      singleThread(new java.util.concurrent.LinkedBlockingQueue<>());
  private static final ThreadPoolExecutor rejecting = singleThread(new SynchronousQueue<>());
  private static final ThreadPoolExecutor discarding = singleThread(new SynchronousQueue<>());
  private static final ScheduledExecutorService scheduler = Executors.newScheduledThreadPool(1);
  private static final ForkJoinPool forkJoin = new ForkJoinPool(1);
  private static final ExecutorService ping = Executors.newSingleThreadExecutor();

  public static void main(String[] args) throws Exception {
    keepPending = args.length > 0 && args[0].equals("--keep-pending");
    for (String arg : args) {
      if (!arg.startsWith("--")) {
        only.add(arg); // for diagnosis: run only the named cases
      }
    }
    discarding.setRejectedExecutionHandler(new ThreadPoolExecutor.DiscardPolicy());
    for (ExecutorService pool : List.of(blockedQueue, rejecting, discarding)) {
      pool.execute(TaskLeakApp::awaitRelease); // occupies the only worker
    }
    forkJoin.execute(TaskLeakApp::awaitRelease);
    HttpServer server =
        HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    server.createContext("/leak", TaskLeakApp::leak);
    // Any later traced task purges entries whose task was collected.
    server.createContext("/ping", exchange -> handle(exchange, () -> ping.submit(() -> {}).get()));
    server.setExecutor(Executors.newSingleThreadExecutor());
    server.start();
    String base = "http://127.0.0.1:" + server.getAddress().getPort();
    try {
      for (int i = 0; i < REQUESTS; i++) {
        ThreadHopApp.get(base + "/leak");
      }
      int collected = 0;
      for (int attempt = 0; attempt < 40 && collected < contexts.size(); attempt++) {
        System.gc();
        Thread.sleep(50);
        ThreadHopApp.get(base + "/ping");
        collected = (int) contexts.stream().filter(r -> r.get() == null).count();
      }
      System.out.println("collected " + collected + " of " + contexts.size());
      System.out.println("kept " + kept.size() + " task objects");
    } finally {
      release.countDown();
      server.stop(0);
    }
    System.exit(0);
  }

  private static void leak(HttpExchange exchange) throws IOException {
    handle(
        exchange,
        () -> {
          contexts.add(new WeakReference<>(currentContext()));
          if (runs("cancel")) {
            Future<?> cancelled = blockedQueue.submit(task());
            cancelled.cancel(false);
            kept.add(cancelled);
          }
          if (runs("remove")) {
            Runnable removed = task();
            blockedQueue.execute(removed);
            blockedQueue.remove(removed);
            kept.add(removed);
          }
          if (runs("schedule")) {
            Future<?> scheduled = scheduler.schedule(task(), 1, TimeUnit.HOURS);
            scheduled.cancel(false);
            kept.add(scheduled);
          }
          if (runs("forkjoin")) {
            Future<?> forked = forkJoin.submit(task());
            forked.cancel(false);
            kept.add(forked);
          }
          if (runs("reject")) {
            Runnable rejected = task();
            try {
              rejecting.execute(rejected);
            } catch (RejectedExecutionException expected) {
              kept.add(rejected);
            }
          }
          if (runs("discard")) {
            Runnable discarded = task();
            discarding.execute(discarded);
            kept.add(discarded);
          }
          if (runs("stage")) {
            CompletableFuture<String> source = new CompletableFuture<>();
            kept.add(source.thenApply(s -> s + "never"));
            source.cancel(false);
            kept.add(source);
          }
          if (runs("shutdownNow")) {
            ExecutorService drained =
                singleThread(new java.util.concurrent.LinkedBlockingQueue<>());
            drained.execute(TaskLeakApp::awaitRelease);
            drained.execute(task());
            kept.addAll(drained.shutdownNow());
          }
          if (keepPending) {
            Runnable pending = task();
            blockedQueue.execute(pending);
            kept.add(pending);
          }
          return null;
        });
  }

  private static boolean runs(String name) {
    return only.isEmpty() || only.contains(name);
  }

  private static Object currentContext() throws ReflectiveOperationException {
    Class<?> context = Class.forName("dev.weft.bootstrap.context.Context", false, null);
    Method current = context.getMethod("current");
    return current.invoke(null);
  }

  private static Runnable task() {
    return new NeverRun(); // a lambda without captures would be one shared object
  }

  private static void awaitRelease() {
    try {
      release.await();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private static ThreadPoolExecutor singleThread(java.util.concurrent.BlockingQueue<Runnable> q) {
    return new ThreadPoolExecutor(1, 1, 0, TimeUnit.SECONDS, q);
  }

  private static final class NeverRun implements Runnable {
    @Override
    public void run() {
      System.out.println("a task that should never run ran");
    }
  }

  private static void handle(HttpExchange exchange, java.util.concurrent.Callable<?> body)
      throws IOException {
    try {
      body.call();
      ThreadHopApp.respond(exchange, 200, "ok");
    } catch (Exception e) {
      e.printStackTrace();
      ThreadHopApp.respond(exchange, 500, e.toString());
    }
  }
}
