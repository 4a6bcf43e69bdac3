package dev.weft.sdk.metrics.runtime;

import dev.weft.bootstrap.WeftLogger;
import dev.weft.core.Version;
import dev.weft.core.api.common.AttributeKey;
import dev.weft.core.api.common.Attributes;
import dev.weft.core.api.metrics.Meter;
import dev.weft.core.api.metrics.MeterProvider;
import dev.weft.core.config.ConfigProperties;
import dev.weft.core.config.InstrumentationSettings;
import java.lang.management.ClassLoadingMXBean;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.lang.management.MemoryUsage;
import java.lang.management.OperatingSystemMXBean;
import java.lang.management.ThreadInfo;
import java.lang.management.ThreadMXBean;
import java.util.List;

/**
 * The stable JVM runtime metrics of the semantic conventions (instrumentation {@code
 * runtime-telemetry}, as in the OpenTelemetry agent; {@code
 * otel.instrumentation.runtime-telemetry.enabled=false} turns them off). Programs against the
 * metrics API only.
 *
 * <p>Start-up cost: registering instruments touches no MXBean. Memory, thread, class and CPU values
 * are read by callbacks on the collecting thread, so the MXBeans are initialised at the first
 * collection; the GC listener ({@link GcDurationListener}) is attached by a short-lived daemon
 * thread, off the application's start-up path.
 */
public final class RuntimeMetrics {

  static final String INSTRUMENTATION_NAME = "runtime-telemetry";
  static final AttributeKey<String> POOL_NAME = AttributeKey.stringKey("jvm.memory.pool.name");
  static final AttributeKey<String> MEMORY_TYPE = AttributeKey.stringKey("jvm.memory.type");
  static final AttributeKey<Boolean> THREAD_DAEMON = AttributeKey.booleanKey("jvm.thread.daemon");
  static final AttributeKey<String> THREAD_STATE = AttributeKey.stringKey("jvm.thread.state");
  private static final WeftLogger log = WeftLogger.get("runtime-telemetry");

  private final MemoryPools pools = new MemoryPools();
  private final Attributes[] threadAttributes = threadAttributes();

  private RuntimeMetrics() {}

  /** Registers the runtime metrics unless the instrumentation is disabled. */
  public static void registerIfEnabled(MeterProvider meters, ConfigProperties config) {
    if (!InstrumentationSettings.isModuleEnabled(config, List.of(INSTRUMENTATION_NAME), true)) {
      log.debug("JVM runtime metrics disabled");
      return;
    }
    register(meters);
  }

  /** Registers the instruments and starts attaching the GC listener in the background. */
  public static void register(MeterProvider meters) {
    Meter meter = meters.get("io.opentelemetry." + INSTRUMENTATION_NAME, Version.get());
    new RuntimeMetrics().registerOn(meter);
    GcDurationListener.attachInBackground(meter);
  }

  private void registerOn(Meter meter) {
    meter
        .instrument("jvm.memory.used")
        .description("Measure of memory used.")
        .unit("By")
        .observableLongUpDownCounter(m -> pools.observe(m, MemoryPoolMXBean::getUsage, false));
    meter
        .instrument("jvm.memory.committed")
        .description("Measure of memory committed.")
        .unit("By")
        .observableLongUpDownCounter(m -> pools.observe(m, MemoryPoolMXBean::getUsage, true));
    meter
        .instrument("jvm.memory.limit")
        .description("Measure of max obtainable memory.")
        .unit("By")
        .observableLongUpDownCounter(m -> pools.observeLimit(m));
    meter
        .instrument("jvm.memory.used_after_last_gc")
        .description(
            "Measure of memory used, as measured after the most recent garbage collection event"
                + " on this pool.")
        .unit("By")
        .observableLongUpDownCounter(
            m -> pools.observe(m, MemoryPoolMXBean::getCollectionUsage, false));
    meter
        .instrument("jvm.thread.count")
        .description("Number of executing platform threads.")
        .unit("{thread}")
        .observableLongUpDownCounter(this::observeThreads);
    meter
        .instrument("jvm.class.loaded")
        .description("Number of classes loaded since JVM start.")
        .unit("{class}")
        .observableLongCounter(m -> m.record(classes().getTotalLoadedClassCount()));
    meter
        .instrument("jvm.class.unloaded")
        .description("Number of classes unloaded since JVM start.")
        .unit("{class}")
        .observableLongCounter(m -> m.record(classes().getUnloadedClassCount()));
    meter
        .instrument("jvm.class.count")
        .description("Number of classes currently loaded.")
        .unit("{class}")
        .observableLongUpDownCounter(m -> m.record(classes().getLoadedClassCount()));
    meter
        .instrument("jvm.cpu.time")
        .description("CPU time used by the process as reported by the JVM.")
        .unit("s")
        .observableDoubleCounter(
            m -> {
              long nanos = Cpu.processCpuTimeNanos();
              if (nanos >= 0) {
                m.record(nanos / 1e9);
              }
            });
    meter
        .instrument("jvm.cpu.count")
        .description("Number of processors available to the Java virtual machine.")
        .unit("{cpu}")
        .observableLongUpDownCounter(m -> m.record(Runtime.getRuntime().availableProcessors()));
    meter
        .instrument("jvm.cpu.recent_utilization")
        .description("Recent CPU utilization for the process as reported by the JVM.")
        .unit("1")
        .observableDoubleGauge(
            m -> {
              double load = Cpu.processCpuLoad();
              if (load >= 0) {
                m.record(load);
              }
            });
  }

  private void observeThreads(dev.weft.core.api.metrics.ObservableLongMeasurement measurement) {
    ThreadMXBean threads = ManagementFactory.getThreadMXBean();
    long[] counts = new long[threadAttributes.length];
    // maxDepth 0: no stack traces, only state and daemon flag (ThreadInfo.isDaemon is Java 9+).
    for (ThreadInfo info : threads.getThreadInfo(threads.getAllThreadIds(), 0)) {
      if (info != null) {
        counts[index(info.isDaemon(), info.getThreadState())]++;
      }
    }
    for (int i = 0; i < counts.length; i++) {
      if (counts[i] > 0) {
        measurement.record(counts[i], threadAttributes[i]);
      }
    }
  }

  private static int index(boolean daemon, Thread.State state) {
    return state.ordinal() * 2 + (daemon ? 1 : 0);
  }

  private static Attributes[] threadAttributes() {
    Thread.State[] states = Thread.State.values();
    Attributes[] attributes = new Attributes[states.length * 2];
    for (Thread.State state : states) {
      for (boolean daemon : new boolean[] {false, true}) {
        attributes[index(daemon, state)] =
            Attributes.builder()
                .put(THREAD_DAEMON, daemon)
                .put(THREAD_STATE, state.name().toLowerCase(java.util.Locale.ROOT))
                .build();
      }
    }
    return attributes;
  }

  private static ClassLoadingMXBean classes() {
    return ManagementFactory.getClassLoadingMXBean();
  }

  /** Memory pools and their attribute sets, looked up at the first collection. */
  static final class MemoryPools {
    private volatile List<MemoryPoolMXBean> beans;
    private volatile Attributes[] attributes;

    interface UsageOf {
      MemoryUsage usage(MemoryPoolMXBean pool);
    }

    private void init() {
      if (beans == null) {
        List<MemoryPoolMXBean> found = ManagementFactory.getMemoryPoolMXBeans();
        Attributes[] sets = new Attributes[found.size()];
        for (int i = 0; i < sets.length; i++) {
          MemoryPoolMXBean pool = found.get(i);
          sets[i] =
              Attributes.builder()
                  .put(POOL_NAME, pool.getName())
                  .put(MEMORY_TYPE, pool.getType() == MemoryType.HEAP ? "heap" : "non_heap")
                  .build();
        }
        attributes = sets;
        beans = found;
      }
    }

    void observe(
        dev.weft.core.api.metrics.ObservableLongMeasurement measurement,
        UsageOf usageOf,
        boolean committed) {
      init();
      for (int i = 0; i < beans.size(); i++) {
        MemoryUsage usage = usageOf.usage(beans.get(i));
        if (usage != null) {
          measurement.record(committed ? usage.getCommitted() : usage.getUsed(), attributes[i]);
        }
      }
    }

    void observeLimit(dev.weft.core.api.metrics.ObservableLongMeasurement measurement) {
      init();
      for (int i = 0; i < beans.size(); i++) {
        MemoryUsage usage = beans.get(i).getUsage();
        if (usage != null && usage.getMax() != -1) {
          measurement.record(usage.getMax(), attributes[i]);
        }
      }
    }
  }

  /** Process CPU figures from {@code com.sun.management} when the JVM has it, else -1. */
  static final class Cpu {
    private Cpu() {}

    static long processCpuTimeNanos() {
      OperatingSystemMXBean os = ManagementFactory.getOperatingSystemMXBean();
      return os instanceof com.sun.management.OperatingSystemMXBean
          ? ((com.sun.management.OperatingSystemMXBean) os).getProcessCpuTime()
          : -1;
    }

    static double processCpuLoad() {
      OperatingSystemMXBean os = ManagementFactory.getOperatingSystemMXBean();
      return os instanceof com.sun.management.OperatingSystemMXBean
          ? ((com.sun.management.OperatingSystemMXBean) os).getProcessCpuLoad()
          : -1;
    }
  }
}
