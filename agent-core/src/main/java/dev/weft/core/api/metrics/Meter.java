package dev.weft.core.api.metrics;

import java.util.function.Consumer;

/**
 * Creates the instruments of one instrumentation scope. Create instruments once (at start-up or in
 * a module's {@code *Singletons}) and keep them: creation looks names up and may allocate,
 * recording into an existing series does neither. Creating an instrument twice with the same name
 * returns one that records into the same metric.
 *
 * <p>Instrumentations use {@link #instrument(String)}; the other methods are the SDK's side.
 */
public interface Meter {

  /**
   * Starts describing an instrument named {@code name} (semantic-convention name, e.g. {@code
   * jvm.memory.used}).
   */
  default InstrumentBuilder instrument(String name) {
    return new InstrumentBuilder(this, name);
  }

  LongCounter longCounter(InstrumentDescriptor descriptor);

  DoubleCounter doubleCounter(InstrumentDescriptor descriptor);

  LongUpDownCounter longUpDownCounter(InstrumentDescriptor descriptor);

  DoubleUpDownCounter doubleUpDownCounter(InstrumentDescriptor descriptor);

  LongHistogram longHistogram(InstrumentDescriptor descriptor);

  DoubleHistogram doubleHistogram(InstrumentDescriptor descriptor);

  LongGauge longGauge(InstrumentDescriptor descriptor);

  DoubleGauge doubleGauge(InstrumentDescriptor descriptor);

  /**
   * An asynchronous instrument ({@link InstrumentType#isObservable()}) whose {@code callback} is
   * called on the collecting thread at every collection and reports long values.
   */
  ObservableInstrument observeLongs(
      InstrumentDescriptor descriptor, Consumer<ObservableLongMeasurement> callback);

  /** As {@link #observeLongs}, for double values. */
  ObservableInstrument observeDoubles(
      InstrumentDescriptor descriptor, Consumer<ObservableDoubleMeasurement> callback);
}
