package dev.weft.core.api.metrics;

/** The seven instrument kinds of the OpenTelemetry metrics API. */
public enum InstrumentType {
  COUNTER(false, true),
  UP_DOWN_COUNTER(false, false),
  HISTOGRAM(false, true),
  GAUGE(false, false),
  OBSERVABLE_COUNTER(true, true),
  OBSERVABLE_UP_DOWN_COUNTER(true, false),
  OBSERVABLE_GAUGE(true, false);

  private final boolean observable;
  private final boolean monotonic;

  InstrumentType(boolean observable, boolean monotonic) {
    this.observable = observable;
    this.monotonic = monotonic;
  }

  /** Asynchronous: values come from a callback at collection time. */
  public boolean isObservable() {
    return observable;
  }

  /** Counters and histograms only accept non-negative increments. */
  public boolean isMonotonic() {
    return monotonic;
  }
}
