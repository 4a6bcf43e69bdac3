package dev.weft.sdk.resources;

import dev.weft.core.api.common.Attributes;

/** One source of resource attributes, switchable by the official provider's class name. */
interface ResourceDetector {

  /**
   * The official agent's {@code ResourceProvider} class this detector stands for, as named in
   * {@code otel.java.enabled.resource.providers} and {@code otel.java.disabled.resource.providers}.
   */
  String providerClassName();

  /** Adds what it finds; absent facts are simply not added. May throw; the caller copes. */
  void detect(Attributes.Builder out);
}
