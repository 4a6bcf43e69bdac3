package dev.weft.sdk.resources;

import dev.weft.core.api.common.Attributes;

/** {@code process.runtime.name}, {@code .version} and {@code .description} of this JVM. */
final class ProcessRuntimeDetector implements ResourceDetector {

  @Override
  public String providerClassName() {
    return "io.opentelemetry.instrumentation.resources.ProcessRuntimeResourceProvider";
  }

  @Override
  public void detect(Attributes.Builder out) {
    out.put("process.runtime.name", System.getProperty("java.runtime.name"));
    out.put("process.runtime.version", System.getProperty("java.runtime.version"));
    String vendor = System.getProperty("java.vm.vendor");
    String vmName = System.getProperty("java.vm.name");
    String vmVersion = System.getProperty("java.vm.version");
    if (vendor != null && vmName != null && vmVersion != null) {
      out.put("process.runtime.description", vendor + " " + vmName + " " + vmVersion);
    }
  }
}
