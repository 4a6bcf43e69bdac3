package dev.weft.core.instrumentation.internal;

import dev.weft.bootstrap.WeftLogger;
import java.lang.instrument.Instrumentation;
import java.util.Map;
import java.util.Set;

/** Code woven into a class that names dev.weft.bootstrap types needs its module to read them. */
final class BootstrapReads {

  private static final Module BOOTSTRAP = WeftLogger.class.getModule();

  private BootstrapReads() {}

  /** Makes {@code javaModule}, if named (java.base, ...), read the bootstrap classes' module. */
  static void ensure(Instrumentation inst, Module javaModule) {
    if (javaModule != null && javaModule.isNamed() && !javaModule.canRead(BOOTSTRAP)) {
      inst.redefineModule(javaModule, Set.of(BOOTSTRAP), Map.of(), Map.of(), Set.of(), Map.of());
    }
  }
}
