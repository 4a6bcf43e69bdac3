package dev.weft.sdk.trace.samplers;

import dev.weft.bootstrap.WeftLogger;

/** Builds the sampler named by {@code otel.traces.sampler}, as the official agent does. */
public final class SamplerFactory {

  /** What the official agent uses when nothing is configured. */
  public static final String DEFAULT = "parentbased_always_on";

  private static final WeftLogger log = WeftLogger.get("sdk");

  private SamplerFactory() {}

  /**
   * The sampler for {@code name} (one of the values {@code AgentSettings} accepts), with {@code
   * ratio} (validated, in [0, 1]) for the {@code *traceidratio} samplers. The {@code jaeger_remote}
   * samplers are not supported: they fall back to {@code parentbased_always_on} with one warning.
   * An unknown name (already reported by configuration) also gives the default.
   */
  public static Sampler create(String name, double ratio) {
    switch (name == null ? DEFAULT : name) {
      case "always_on":
        return Sampler.alwaysOn();
      case "always_off":
        return Sampler.alwaysOff();
      case "traceidratio":
        return Sampler.traceIdRatioBased(ratio);
      case "parentbased_always_off":
        return Sampler.parentBased(Sampler.alwaysOff());
      case "parentbased_traceidratio":
        return Sampler.parentBased(Sampler.traceIdRatioBased(ratio));
      case "jaeger_remote":
      case "parentbased_jaeger_remote":
        log.warn(
            "otel.traces.sampler (OTEL_TRACES_SAMPLER)="
                + name
                + " is not supported by Weft; using "
                + DEFAULT);
        return Sampler.parentBased(Sampler.alwaysOn());
      default:
        return Sampler.parentBased(Sampler.alwaysOn());
    }
  }

  /** The configuration name of the sampler actually used for {@code name}. */
  public static String effectiveName(String name) {
    if (name == null || name.endsWith("jaeger_remote")) {
      return DEFAULT;
    }
    switch (name) {
      case "always_on":
      case "always_off":
      case "traceidratio":
      case "parentbased_always_on":
      case "parentbased_always_off":
      case "parentbased_traceidratio":
        return name;
      default:
        return DEFAULT;
    }
  }
}
