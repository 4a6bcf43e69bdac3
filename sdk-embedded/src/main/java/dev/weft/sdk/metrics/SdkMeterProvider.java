package dev.weft.sdk.metrics;

import dev.weft.bootstrap.context.Context;
import dev.weft.bootstrap.context.Scope;
import dev.weft.core.api.Suppression;
import dev.weft.core.api.metrics.Meter;
import dev.weft.core.api.metrics.MeterProvider;
import dev.weft.sdk.common.InstrumentationScope;
import dev.weft.sdk.metrics.data.MetricData;
import dev.weft.sdk.metrics.export.MetricReader;
import dev.weft.sdk.resources.Resource;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

/**
 * The metrics SDK: meters by scope, and the readers every instrument's series are kept for (one
 * storage per reader, since readers may want different temporalities). Collections are serialized;
 * callbacks run on the collecting thread with instrumentation suppressed.
 */
public final class SdkMeterProvider implements MeterProvider {

  private final Resource resource;
  private final MetricsConfig config;
  private final long startEpochNanos;
  private final List<RegisteredReader> readers;
  private final ConcurrentHashMap<InstrumentationScope, SdkMeter> meters =
      new ConcurrentHashMap<>();

  private SdkMeterProvider(Resource resource, MetricsConfig config, List<MetricReader> readers) {
    this.resource = resource;
    this.config = config;
    this.startEpochNanos = epochNanosNow();
    List<RegisteredReader> registered = new ArrayList<>();
    for (MetricReader reader : readers) {
      registered.add(new RegisteredReader(this, reader, registered.size()));
    }
    this.readers = Collections.unmodifiableList(registered);
  }

  /** A provider for {@code readers}, each started now (a periodic reader starts its thread). */
  public static SdkMeterProvider create(
      Resource resource, MetricsConfig config, List<MetricReader> readers) {
    SdkMeterProvider provider = new SdkMeterProvider(resource, config, readers);
    for (RegisteredReader reader : provider.readers) {
      reader.reader().start(reader);
    }
    return provider;
  }

  @Override
  public Meter get(String scopeName, String version) {
    InstrumentationScope scope = InstrumentationScope.of(scopeName, version);
    SdkMeter meter = meters.get(scope);
    return meter != null ? meter : meters.computeIfAbsent(scope, s -> new SdkMeter(this, s));
  }

  /** Collects every scope's metrics for reader {@code reader}. */
  synchronized List<MetricData> collect(int reader) {
    List<MetricData> out = new ArrayList<>();
    long now = epochNanosNow();
    try (Scope ignored = Suppression.suppress(Context.root()).makeCurrent()) {
      for (SdkMeter meter : meters.values()) {
        meter.collect(reader, now, out);
      }
    }
    return out;
  }

  /** Shuts every reader down (a final collection each), within {@code timeout} in all. */
  public boolean shutdown(long timeout, TimeUnit unit) {
    long deadline = System.nanoTime() + unit.toNanos(timeout);
    boolean complete = true;
    for (RegisteredReader reader : readers) {
      complete &= reader.reader().shutdown(Math.max(0, deadline - System.nanoTime()));
    }
    return complete;
  }

  List<RegisteredReader> readers() {
    return readers;
  }

  MetricsConfig config() {
    return config;
  }

  Resource resource() {
    return resource;
  }

  long startEpochNanos() {
    return startEpochNanos;
  }

  static long epochNanosNow() {
    Instant now = Instant.now();
    return now.getEpochSecond() * 1_000_000_000L + now.getNano();
  }

  @Override
  public String toString() {
    return "SdkMeterProvider{" + config + ", readers " + readers + "}";
  }
}
