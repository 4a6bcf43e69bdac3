package dev.weft.core.api.metrics;

import dev.weft.bootstrap.context.Context;
import dev.weft.core.api.common.Attributes;
import java.util.function.Consumer;

/** One shared object that is every no-op instrument, meter and provider. */
final class NoopMeter
    implements MeterProvider,
        Meter,
        LongCounter,
        DoubleCounter,
        LongUpDownCounter,
        DoubleUpDownCounter,
        LongHistogram,
        DoubleHistogram,
        LongGauge,
        DoubleGauge,
        ObservableInstrument {

  static final NoopMeter PROVIDER = new NoopMeter();

  private NoopMeter() {}

  @Override
  public Meter get(String scopeName, String version) {
    return this;
  }

  @Override
  public LongCounter longCounter(InstrumentDescriptor descriptor) {
    return this;
  }

  @Override
  public DoubleCounter doubleCounter(InstrumentDescriptor descriptor) {
    return this;
  }

  @Override
  public LongUpDownCounter longUpDownCounter(InstrumentDescriptor descriptor) {
    return this;
  }

  @Override
  public DoubleUpDownCounter doubleUpDownCounter(InstrumentDescriptor descriptor) {
    return this;
  }

  @Override
  public LongHistogram longHistogram(InstrumentDescriptor descriptor) {
    return this;
  }

  @Override
  public DoubleHistogram doubleHistogram(InstrumentDescriptor descriptor) {
    return this;
  }

  @Override
  public LongGauge longGauge(InstrumentDescriptor descriptor) {
    return this;
  }

  @Override
  public DoubleGauge doubleGauge(InstrumentDescriptor descriptor) {
    return this;
  }

  @Override
  public ObservableInstrument observeLongs(
      InstrumentDescriptor descriptor, Consumer<ObservableLongMeasurement> callback) {
    return this;
  }

  @Override
  public ObservableInstrument observeDoubles(
      InstrumentDescriptor descriptor, Consumer<ObservableDoubleMeasurement> callback) {
    return this;
  }

  @Override
  public void add(long value) {}

  @Override
  public void add(long value, Attributes attributes) {}

  @Override
  public void add(double value) {}

  @Override
  public void add(double value, Attributes attributes) {}

  @Override
  public void record(long value) {}

  @Override
  public void record(long value, Attributes attributes) {}

  @Override
  public void record(long value, Attributes attributes, Context context) {}

  @Override
  public void record(double value) {}

  @Override
  public void record(double value, Attributes attributes) {}

  @Override
  public void record(double value, Attributes attributes, Context context) {}

  @Override
  public void set(long value) {}

  @Override
  public void set(long value, Attributes attributes) {}

  @Override
  public void set(double value) {}

  @Override
  public void set(double value, Attributes attributes) {}

  @Override
  public void close() {}

  @Override
  public String toString() {
    return "NoopMeterProvider";
  }
}
