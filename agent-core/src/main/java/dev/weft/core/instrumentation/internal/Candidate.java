package dev.weft.core.instrumentation.internal;

import dev.weft.core.instrumentation.TypeInstrumentation;

/** One type instrumentation of an enabled module, with the super-type roots it matches. */
final class Candidate {

  final ModuleEntry module;
  final TypeInstrumentation instrumentation;

  /** Bits of {@link MatchIndex} roots this instrumentation matches by super-type. */
  final long rootMask;

  Candidate(ModuleEntry module, TypeInstrumentation instrumentation, long rootMask) {
    this.module = module;
    this.instrumentation = instrumentation;
    this.rootMask = rootMask;
  }

  @Override
  public String toString() {
    return module.module().names().get(0) + ":" + instrumentation.getClass().getSimpleName();
  }
}
