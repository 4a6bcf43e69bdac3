package dev.weft.core.instrumentation.internal;

import java.lang.instrument.Instrumentation;

/**
 * Creates the {@link Weaver}, and with it every ByteBuddy class, on the first class that matches: a
 * JVM that loads no instrumented library never loads ByteBuddy.
 */
final class WeaverHolder {

  private final Instrumentation inst;
  private final Class<?> dispatcher;
  private volatile Weaver weaver;

  WeaverHolder(Instrumentation inst, Class<?> dispatcher) {
    this.inst = inst;
    this.dispatcher = dispatcher;
  }

  Instrumentation instrumentation() {
    return inst;
  }

  Weaver get() {
    Weaver result = weaver;
    if (result == null) {
      synchronized (this) {
        result = weaver;
        if (result == null) {
          result = new Weaver(inst, dispatcher);
          weaver = result;
        }
      }
    }
    return result;
  }
}
