package dev.weft.smoketest.apps;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.lang.reflect.Method;
import java.net.HttpURLConnection;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.Future;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.RecursiveAction;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;

/**
 * A JDK HTTP service whose {@code /work} handler (a SERVER span) hands a downstream call ({@code
 * GET /leaf?via=<mechanism>} over {@code HttpURLConnection}, a CLIENT span) to every JDK
 * concurrency mechanism, and waits for all of them. Then, with no span current, the same pools run
 * one more call each ({@code via=stale-<pool>}): those must start new traces. Virtual threads are
 * used through reflection when the JDK has them (21+). Prints "mechanisms a,b,..." and "done".
 */
public final class ThreadHopApp {

  private static final int WAIT_SECONDS = 20;

  private static String base;
  private static final ExecutorService fixed = Executors.newFixedThreadPool(2);
  private static final ScheduledExecutorService scheduled = Executors.newScheduledThreadPool(1);
  private static final ThreadPoolExecutor subclass = new TracingPool();
  private static final ScheduledThreadPoolExecutor scheduledSubclass = new DecoratingScheduler();
  private static final ForkJoinPool forkJoin = new ForkJoinPool(2);
  // Started before any span: completes futures from a thread that has no context of its own.
  private static final BlockingQueue<Runnable> completerQueue = new LinkedBlockingQueue<>();

  public static void main(String[] args) throws Exception {
    Thread completer =
        new Thread(
            () -> {
              try {
                while (true) {
                  completerQueue.take().run();
                }
              } catch (InterruptedException e) {
                // done
              }
            },
            "completer");
    completer.setDaemon(true);
    completer.start();
    HttpServer server =
        HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    server.createContext("/leaf", exchange -> respond(exchange, 200, "leaf"));
    server.createContext("/work", ThreadHopApp::work);
    server.setExecutor(Executors.newFixedThreadPool(4));
    server.start();
    base = "http://127.0.0.1:" + server.getAddress().getPort();
    try {
      System.out.println("work " + get(base + "/work"));
      // No span is current here: every pool thread must have returned to the root context.
      stale();
      System.out.println("mechanisms " + String.join(",", mechanisms()));
    } finally {
      server.stop(0);
      for (ExecutorService pool :
          Arrays.asList(fixed, scheduled, subclass, scheduledSubclass, forkJoin)) {
        pool.shutdownNow();
      }
    }
    System.out.println("done");
    System.exit(0);
  }

  static List<String> mechanisms() {
    List<String> names =
        new ArrayList<>(
            Arrays.asList(
                "execute",
                "submit-runnable",
                "submit-callable",
                "invokeAll",
                "invokeAny",
                "schedule",
                "scheduleAtFixedRate",
                "pool-subclass",
                "scheduled-subclass",
                "forkjoin-submit",
                "forkjoin-fork",
                "parallel-stream",
                "cf-supplyAsync",
                "cf-runAsync-executor",
                "cf-thenApply-completed-elsewhere",
                "cf-thenCombine-completed-elsewhere",
                "cf-thenApplyAsync-completed-elsewhere",
                "thread-start",
                "thread-subclass"));
    if (virtualThreads()) {
      names.add("virtual-thread");
      names.add("virtual-executor");
    }
    return names;
  }

  private static void work(HttpExchange exchange) throws IOException {
    try {
      CountDownLatch executed = new CountDownLatch(1);
      fixed.execute(
          () -> {
            leaf("execute");
            executed.countDown();
          });
      await(executed);
      fixed.submit(call("submit-runnable")).get(WAIT_SECONDS, TimeUnit.SECONDS);
      fixed.submit(callable("submit-callable")).get(WAIT_SECONDS, TimeUnit.SECONDS);
      for (Future<String> f : fixed.invokeAll(List.of(callable("invokeAll")))) {
        f.get(WAIT_SECONDS, TimeUnit.SECONDS);
      }
      fixed.invokeAny(List.of(callable("invokeAny")));
      scheduled.schedule(callable("schedule"), 10, TimeUnit.MILLISECONDS).get();
      CountDownLatch twice = new CountDownLatch(2);
      ScheduledFuture<?> periodic =
          scheduled.scheduleAtFixedRate(
              () -> {
                if (twice.getCount() > 0) {
                  leaf("scheduleAtFixedRate");
                  twice.countDown();
                }
              },
              0,
              20,
              TimeUnit.MILLISECONDS);
      await(twice);
      periodic.cancel(false);
      subclass.submit(call("pool-subclass")).get(WAIT_SECONDS, TimeUnit.SECONDS);
      scheduledSubclass
          .schedule(call("scheduled-subclass"), 5, TimeUnit.MILLISECONDS)
          .get(WAIT_SECONDS, TimeUnit.SECONDS);
      forkJoin.submit(callable("forkjoin-submit")).get(WAIT_SECONDS, TimeUnit.SECONDS);
      forkJoin.invoke(new Forking(2));
      forkJoin
          .submit(() -> IntStream.range(0, 2).parallel().forEach(i -> leaf("parallel-stream")))
          .get(WAIT_SECONDS, TimeUnit.SECONDS);
      semantics();
      completables();
      threads();
      if (virtualThreads()) {
        virtual();
      }
      respond(exchange, 200, "ok");
    } catch (Exception e) {
      e.printStackTrace();
      respond(exchange, 500, e.toString());
    }
  }

  /** What the application sees of its queued tasks: the agent must not change any of it. */
  private static void semantics() throws Exception {
    CountDownLatch release = new CountDownLatch(1);
    ThreadPoolExecutor pool =
        new ThreadPoolExecutor(1, 1, 0, TimeUnit.SECONDS, new LinkedBlockingQueue<>());
    try {
      pool.execute(() -> awaitQuietly(release));
      Runnable task = call("never");
      pool.execute(task);
      Future<?> future = pool.submit(callable("never"));
      List<Runnable> queue = new ArrayList<>(pool.getQueue());
      System.out.println(
          "semantics queued-as-submitted="
              + (queue.size() == 2 && queue.get(0) == task && queue.get(1) == future)
              + " equals="
              + (future.equals(queue.get(1)) && !future.equals(task))
              + " hashCode="
              + (future.hashCode() == System.identityHashCode(future))
              + " remove="
              + pool.remove(task)
              + "/"
              + pool.remove(task)
              + " toString="
              + pool.toString().replaceAll("@\\p{XDigit}+", "@*"));
      future.cancel(false);
    } finally {
      release.countDown();
      pool.shutdown();
    }
  }

  private static void awaitQuietly(CountDownLatch latch) {
    try {
      latch.await();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private static void completables() throws Exception {
    CompletableFuture.supplyAsync(() -> leaf("cf-supplyAsync")).get(WAIT_SECONDS, TimeUnit.SECONDS);
    CompletableFuture.runAsync(call("cf-runAsync-executor"), fixed)
        .get(WAIT_SECONDS, TimeUnit.SECONDS);
    // Stages added now, run later by the completer thread, which has no context.
    CompletableFuture<String> source = new CompletableFuture<>();
    CompletableFuture<String> other = new CompletableFuture<>();
    CompletableFuture<String> applied =
        source.thenApply(s -> leaf("cf-thenApply-completed-elsewhere"));
    CompletableFuture<String> combined =
        source.thenCombine(other, (a, b) -> leaf("cf-thenCombine-completed-elsewhere"));
    CompletableFuture<String> async =
        source.thenApplyAsync(s -> leaf("cf-thenApplyAsync-completed-elsewhere"), forkJoin);
    completerQueue.add(() -> source.complete("s"));
    completerQueue.add(() -> other.complete("o"));
    CompletableFuture.allOf(applied, combined, async).get(WAIT_SECONDS, TimeUnit.SECONDS);
  }

  private static void threads() throws InterruptedException {
    Thread plain = new Thread(call("thread-start"));
    plain.start();
    plain.join();
    Thread own =
        new Thread() {
          @Override
          public void run() {
            leaf("thread-subclass");
          }
        };
    own.start();
    own.join();
  }

  private static void virtual() throws Exception {
    Object builder = Thread.class.getMethod("ofVirtual").invoke(null);
    Method start = Class.forName("java.lang.Thread$Builder").getMethod("start", Runnable.class);
    ((Thread) start.invoke(builder, call("virtual-thread"))).join();
    ExecutorService perTask =
        (ExecutorService) Executors.class.getMethod("newVirtualThreadPerTaskExecutor").invoke(null);
    try {
      perTask.submit(call("virtual-executor")).get(WAIT_SECONDS, TimeUnit.SECONDS);
    } finally {
      perTask.shutdown();
    }
  }

  /** The same pools, outside any span: each task must begin a trace of its own. */
  private static void stale() throws Exception {
    fixed.submit(call("stale-fixed")).get(WAIT_SECONDS, TimeUnit.SECONDS);
    fixed.submit(call("stale-fixed")).get(WAIT_SECONDS, TimeUnit.SECONDS);
    scheduled.schedule(call("stale-scheduled"), 1, TimeUnit.MILLISECONDS).get();
    subclass.submit(call("stale-subclass")).get(WAIT_SECONDS, TimeUnit.SECONDS);
    forkJoin.submit(call("stale-forkjoin")).get(WAIT_SECONDS, TimeUnit.SECONDS);
    forkJoin.submit(call("stale-forkjoin")).get(WAIT_SECONDS, TimeUnit.SECONDS);
  }

  static boolean virtualThreads() {
    return Runtime.version().feature() >= 21;
  }

  private static Runnable call(String via) {
    return () -> leaf(via);
  }

  private static Callable<String> callable(String via) {
    return () -> leaf(via);
  }

  private static String leaf(String via) {
    try {
      String result = get(base + "/leaf?via=" + via);
      System.out.println("called " + via + " " + Thread.currentThread().getName());
      return result;
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }

  private static void await(CountDownLatch latch) throws InterruptedException {
    if (!latch.await(WAIT_SECONDS, TimeUnit.SECONDS)) {
      throw new IllegalStateException("timed out");
    }
  }

  static String get(String url) throws IOException {
    HttpURLConnection connection = (HttpURLConnection) new URL(url).openConnection();
    connection.setConnectTimeout(10_000);
    connection.setReadTimeout(30_000);
    int code = connection.getResponseCode();
    try (InputStream body =
        code < 400 ? connection.getInputStream() : connection.getErrorStream()) {
      return code + " " + new String(body.readAllBytes(), StandardCharsets.UTF_8);
    }
  }

  static void respond(HttpExchange exchange, int status, String text) throws IOException {
    byte[] body = text.getBytes(StandardCharsets.UTF_8);
    exchange.sendResponseHeaders(status, body.length);
    try (OutputStream out = exchange.getResponseBody()) {
      out.write(body);
    }
  }

  /** Splits itself in two, forked; each half makes one call. */
  private static final class Forking extends RecursiveAction {
    private final int parts;

    Forking(int parts) {
      this.parts = parts;
    }

    @Override
    protected void compute() {
      if (parts == 1) {
        leaf("forkjoin-fork");
        return;
      }
      Forking left = new Forking(parts / 2);
      Forking right = new Forking(parts - parts / 2);
      left.fork();
      right.fork();
      left.join();
      right.join();
    }
  }

  /** A pool subclass with its own execute and hooks, as applications write them. */
  private static final class TracingPool extends ThreadPoolExecutor {
    final AtomicInteger hooks = new AtomicInteger();

    TracingPool() {
      super(1, 1, 0, TimeUnit.SECONDS, new ArrayBlockingQueue<>(100));
    }

    @Override
    public void execute(Runnable command) {
      hooks.incrementAndGet();
      super.execute(command);
    }

    @Override
    protected void beforeExecute(Thread t, Runnable r) {
      hooks.incrementAndGet(); // no super call, as some applications do
    }

    @Override
    protected void afterExecute(Runnable r, Throwable t) {
      hooks.incrementAndGet();
    }
  }

  /** A scheduled pool that decorates its tasks, as the JDK documents. */
  private static final class DecoratingScheduler extends ScheduledThreadPoolExecutor {
    DecoratingScheduler() {
      super(1);
    }

    @Override
    protected <V> java.util.concurrent.RunnableScheduledFuture<V> decorateTask(
        Runnable runnable, java.util.concurrent.RunnableScheduledFuture<V> task) {
      return task;
    }
  }
}
