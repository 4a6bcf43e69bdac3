package dev.weft.sdk.export.otlp;

/** The one rule for agent threads that catch {@code Throwable}. */
final class Throwables {

  private Throwables() {}

  /** Rethrows errors no exporter can carry on from; everything else is the caller's to count. */
  static void rethrowIfFatal(Throwable t) {
    if (t instanceof VirtualMachineError) {
      throw (VirtualMachineError) t;
    }
    if (t instanceof LinkageError) {
      throw (LinkageError) t;
    }
  }
}
