package dev.weft.benchmarks.driver;

import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.HdrHistogram.Histogram;

/**
 * Closed-loop load on the benchmark application: a fixed number of connections, each sending the
 * next order as soon as the previous answer is in, for a warm-up and then a measured window.
 *
 * <p>The application's {@code /admin} counters are read at both edges of the measured window, so
 * CPU time and allocation are differences over exactly the requests measured (within the few
 * requests in flight at an edge). Prints one JSON object on standard output. Exits 1 if any request
 * failed.
 *
 * <p>Usage: {@code LoadDriver --port P [--concurrency 8] [--warmup 20] [--duration 30]} (seconds).
 */
public final class LoadDriver {

  private static final String HOST = "127.0.0.1";

  private final int port;
  private final int concurrency;
  private final List<byte[]> requests;
  private volatile boolean running = true;
  private volatile boolean measuring;
  private final AtomicLong errors = new AtomicLong();
  private volatile String firstError;

  private LoadDriver(int port, int concurrency) {
    this.port = port;
    this.concurrency = concurrency;
    requests = new ArrayList<>();
    for (String order : Orders.ALL) {
      requests.add(HttpConnection.post(HOST, port, "/checkout", order));
    }
  }

  public static void main(String[] args) throws Exception {
    Map<String, String> options = options(args);
    int port = Integer.parseInt(required(options, "port"));
    int concurrency = Integer.parseInt(options.getOrDefault("concurrency", "8"));
    double warmup = Double.parseDouble(options.getOrDefault("warmup", "20"));
    double duration = Double.parseDouble(options.getOrDefault("duration", "30"));
    LoadDriver driver = new LoadDriver(port, concurrency);
    String json = driver.run(warmup, duration);
    System.out.println(json);
    if (driver.errors.get() > 0) {
      System.err.println(
          "driver: " + driver.errors.get() + " failed requests, first: " + driver.firstError);
      System.exit(1);
    }
  }

  private String run(double warmupSeconds, double durationSeconds) throws Exception {
    List<Worker> workers = new ArrayList<>();
    for (int i = 0; i < concurrency; i++) {
      Worker worker = new Worker(i);
      workers.add(worker);
      worker.thread.start();
    }
    sleepSeconds(warmupSeconds);
    Map<String, Long> before = admin();
    if (before.get("allocated_bytes") < 0 || before.get("cpu_ns") < 0) {
      throw new IllegalStateException("this JVM does not report allocation or CPU time: " + before);
    }
    long start = System.nanoTime();
    measuring = true;
    sleepSeconds(durationSeconds);
    measuring = false;
    long elapsed = System.nanoTime() - start;
    Map<String, Long> after = admin();
    running = false;
    Histogram latency = new Histogram(TimeUnit.SECONDS.toNanos(60), 3);
    long measured = 0;
    for (Worker worker : workers) {
      worker.thread.join(60_000);
      latency.add(worker.latency);
      measured += worker.measured;
    }
    double seconds = elapsed / 1e9;
    Map<String, Object> result = new LinkedHashMap<>();
    result.put("requests", measured);
    result.put("errors", errors.get());
    result.put("seconds", seconds);
    result.put("throughput", measured / seconds);
    result.put("p50_ms", latency.getValueAtPercentile(50) / 1e6);
    result.put("p90_ms", latency.getValueAtPercentile(90) / 1e6);
    result.put("p99_ms", latency.getValueAtPercentile(99) / 1e6);
    result.put("max_ms", latency.getMaxValue() / 1e6);
    result.put("cpu_ns", after.get("cpu_ns") - before.get("cpu_ns"));
    result.put("allocated_bytes", after.get("allocated_bytes") - before.get("allocated_bytes"));
    result.put("served", after.get("served") - before.get("served"));
    return toJson(result);
  }

  private Map<String, Long> admin() throws IOException {
    try (HttpConnection connection = new HttpConnection(HOST, port)) {
      HttpConnection.Response response =
          connection.exchange(HttpConnection.get(HOST, port, "/admin"));
      if (response.status != 200) {
        throw new IOException("/admin answered " + response.status);
      }
      Map<String, Long> counters = new LinkedHashMap<>();
      for (String line : response.text().split("\n")) {
        String[] parts = line.split(" ");
        counters.put(parts[0], Long.parseLong(parts[1]));
      }
      return counters;
    }
  }

  private final class Worker implements Runnable {
    final Thread thread;
    final Histogram latency = new Histogram(TimeUnit.SECONDS.toNanos(60), 3);
    final int offset;
    long measured;

    Worker(int index) {
      offset = index;
      thread = new Thread(this, "driver-" + index);
    }

    @Override
    public void run() {
      try (HttpConnection connection = new HttpConnection(HOST, port)) {
        for (int i = offset; running; i++) {
          byte[] request = requests.get(i % requests.size());
          boolean inWindow = measuring;
          long start = System.nanoTime();
          try {
            HttpConnection.Response response = connection.exchange(request);
            if (response.status != 200 || response.body.length == 0 || response.body[0] != '{') {
              fail("status " + response.status + ": " + response.text());
              continue;
            }
          } catch (IOException | RuntimeException e) {
            fail(e.toString());
            continue;
          }
          long took = System.nanoTime() - start;
          // Only requests that started and ended inside the window count.
          if (inWindow && measuring) {
            latency.recordValue(Math.min(took, latency.getHighestTrackableValue()));
            measured++;
          }
        }
      }
    }
  }

  private void fail(String message) {
    if (errors.getAndIncrement() == 0) {
      firstError = message;
    }
    try {
      Thread.sleep(10); // a dead server must not turn the driver into a busy loop
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      running = false;
    }
  }

  private static void sleepSeconds(double seconds) throws InterruptedException {
    Thread.sleep((long) (seconds * 1000));
  }

  private static Map<String, String> options(String[] args) {
    Map<String, String> options = new LinkedHashMap<>();
    for (int i = 0; i + 1 < args.length; i += 2) {
      if (!args[i].startsWith("--")) {
        throw new IllegalArgumentException("expected --name value, got " + args[i]);
      }
      options.put(args[i].substring(2), args[i + 1]);
    }
    return options;
  }

  private static String required(Map<String, String> options, String name) {
    String value = options.get(name);
    if (value == null) {
      throw new IllegalArgumentException("--" + name + " is required");
    }
    return value;
  }

  private static String toJson(Map<String, Object> values) {
    StringBuilder json = new StringBuilder("{");
    for (Map.Entry<String, Object> entry : values.entrySet()) {
      if (json.length() > 1) {
        json.append(", ");
      }
      json.append('"').append(entry.getKey()).append("\": ").append(entry.getValue());
    }
    return json.append('}').toString();
  }
}
