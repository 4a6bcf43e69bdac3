package dev.weft.sdk.metrics.runtime;

import com.sun.management.GarbageCollectionNotificationInfo;
import dev.weft.bootstrap.WeftLogger;
import dev.weft.core.api.common.AttributeKey;
import dev.weft.core.api.common.Attributes;
import dev.weft.core.api.metrics.DoubleHistogram;
import dev.weft.core.api.metrics.Meter;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;
import javax.management.Notification;
import javax.management.NotificationEmitter;
import javax.management.NotificationListener;
import javax.management.openmbean.CompositeData;

/**
 * {@code jvm.gc.duration}: one histogram measurement per GC notification, by collector name and
 * action, in seconds with the advised buckets (0.01, 0.1, 1, 10).
 */
final class GcDurationListener implements NotificationListener {

  static final AttributeKey<String> GC_NAME = AttributeKey.stringKey("jvm.gc.name");
  static final AttributeKey<String> GC_ACTION = AttributeKey.stringKey("jvm.gc.action");
  private static final WeftLogger log = WeftLogger.get("runtime-telemetry");

  private final DoubleHistogram duration;
  // Collector names and actions are a handful of JVM constants: bounded.
  private final ConcurrentHashMap<String, Attributes> attributes = new ConcurrentHashMap<>();

  private GcDurationListener(DoubleHistogram duration) {
    this.duration = duration;
  }

  /** Creates the histogram now and attaches the listener from a one-shot daemon thread. */
  static void attachInBackground(Meter meter) {
    DoubleHistogram duration =
        meter
            .instrument("jvm.gc.duration")
            .description("Duration of JVM garbage collection actions.")
            .unit("s")
            .buckets(List.of(0.01, 0.1, 1.0, 10.0))
            .doubleHistogram();
    Thread attach =
        new Thread(() -> new GcDurationListener(duration).attach(), "weft-runtime-metrics");
    attach.setDaemon(true);
    attach.start();
  }

  private void attach() {
    try {
      for (GarbageCollectorMXBean collector : ManagementFactory.getGarbageCollectorMXBeans()) {
        if (collector instanceof NotificationEmitter) {
          ((NotificationEmitter) collector).addNotificationListener(this, null, null);
        }
      }
    } catch (Throwable t) {
      if (t instanceof VirtualMachineError) {
        throw (VirtualMachineError) t;
      }
      log.debug("GC notifications unavailable; no jvm.gc.duration: " + t);
    }
  }

  @Override
  public void handleNotification(Notification notification, Object handback) {
    if (!GarbageCollectionNotificationInfo.GARBAGE_COLLECTION_NOTIFICATION.equals(
        notification.getType())) {
      return;
    }
    GarbageCollectionNotificationInfo info =
        GarbageCollectionNotificationInfo.from((CompositeData) notification.getUserData());
    String name = info.getGcName();
    String action = info.getGcAction();
    Attributes set = attributes.get(name + '\u0000' + action);
    if (set == null) {
      set = Attributes.builder().put(GC_NAME, name).put(GC_ACTION, action).build();
      attributes.putIfAbsent(name + '\u0000' + action, set);
    }
    duration.record(info.getGcInfo().getDuration() / 1000.0, set);
  }
}
