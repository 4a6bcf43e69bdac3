package dev.weft.sdk.resources;

import dev.weft.bootstrap.WeftLogger;
import dev.weft.core.Version;
import dev.weft.core.api.common.AttributeKey;
import dev.weft.core.api.common.Attributes;
import dev.weft.core.config.ConfigProperties;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Builds the resource as the official agent does, lowest precedence first: the SDK defaults ({@code
 * telemetry.sdk.*}, {@code service.name=unknown_service:java}) and Weft's {@code
 * telemetry.distro.*}; then the detectors (host, os, process, runtime, container) not switched off
 * by {@code otel.java.enabled.resource.providers} / {@code otel.java.disabled.resource.providers};
 * then {@code otel.resource.attributes}; then {@code otel.service.name}. Keys listed in {@code
 * otel.resource.disabled.keys} are removed last.
 */
public final class ResourceFactory {

  /** The official SDK version whose behaviour and configuration Weft follows. */
  public static final String COMPATIBLE_SDK_VERSION = "1.68.0";

  static final String ENABLED_PROVIDERS = "otel.java.enabled.resource.providers";
  static final String DISABLED_PROVIDERS = "otel.java.disabled.resource.providers";
  private static final String SERVICE_NAME = "service.name";
  private static final WeftLogger log = WeftLogger.get("resource");

  private ResourceFactory() {}

  public static Resource create(ConfigProperties config) {
    return create(config, defaultDetectors());
  }

  // Visible for testing: detectors reading fixtures.
  static Resource create(ConfigProperties config, List<ResourceDetector> detectors) {
    Attributes.Builder builder = Attributes.builder();
    builder.put("telemetry.sdk.name", "opentelemetry");
    builder.put("telemetry.sdk.language", "java");
    builder.put("telemetry.sdk.version", COMPATIBLE_SDK_VERSION);
    builder.put(SERVICE_NAME, "unknown_service:java");
    builder.put("telemetry.distro.name", "weft");
    builder.put("telemetry.distro.version", Version.get());
    runDetectors(config, detectors, builder);
    for (Map.Entry<String, String> entry : config.getMap("otel.resource.attributes").entrySet()) {
      builder.put(entry.getKey(), entry.getValue());
    }
    String serviceName = config.getString("otel.service.name");
    if (serviceName != null) {
      builder.put(SERVICE_NAME, serviceName);
    }
    return Resource.create(
        withoutKeys(builder.build(), config.getList("otel.resource.disabled.keys")));
  }

  static List<ResourceDetector> defaultDetectors() {
    return Arrays.asList(
        new HostDetector(),
        new OsDetector(),
        new ProcessDetector(),
        new ProcessRuntimeDetector(),
        new ContainerDetector());
  }

  private static void runDetectors(
      ConfigProperties config, List<ResourceDetector> detectors, Attributes.Builder out) {
    Set<String> enabled = new HashSet<>(config.getList(ENABLED_PROVIDERS));
    Set<String> disabled = new HashSet<>(config.getList(DISABLED_PROVIDERS));
    for (ResourceDetector detector : detectors) {
      String name = detector.providerClassName();
      if ((!enabled.isEmpty() && !enabled.contains(name)) || disabled.contains(name)) {
        continue;
      }
      try {
        detector.detect(out);
      } catch (RuntimeException | LinkageError e) {
        // A detector that fails leaves its attributes out; nothing the user must act on.
        log.debug("Resource detector " + name + " failed: " + e, e);
      }
    }
  }

  private static Attributes withoutKeys(Attributes attributes, List<String> disabledKeys) {
    if (disabledKeys.isEmpty()) {
      return attributes;
    }
    Set<String> drop = new HashSet<>(disabledKeys);
    Attributes.Builder kept = Attributes.builder();
    for (int i = 0; i < attributes.size(); i++) {
      AttributeKey<?> key = attributes.keyAt(i);
      if (!drop.contains(key.name())) {
        putUnchecked(kept, key, attributes.valueAt(i));
      }
    }
    return kept.build();
  }

  @SuppressWarnings("unchecked")
  private static void putUnchecked(Attributes.Builder builder, AttributeKey<?> key, Object value) {
    builder.put((AttributeKey<Object>) key, value);
  }
}
