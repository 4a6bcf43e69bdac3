package dev.weft.core.api.metrics;

import dev.weft.core.api.metrics.InstrumentDescriptor.ValueType;
import java.util.List;
import java.util.function.Consumer;

/**
 * Describes one instrument, then creates it: {@code
 * meter.instrument("http.server.request.duration") .unit("s").buckets(...).doubleHistogram()}. Not
 * thread-safe; used once.
 */
public final class InstrumentBuilder {

  private final Meter meter;
  private final String name;
  private String description;
  private String unit;
  private double[] boundaries;

  InstrumentBuilder(Meter meter, String name) {
    if (name == null) {
      throw new NullPointerException("name");
    }
    this.meter = meter;
    this.name = name;
  }

  public InstrumentBuilder description(String description) {
    this.description = description;
    return this;
  }

  /** UCUM unit, e.g. {@code s}, {@code By}, {@code {request}}. */
  public InstrumentBuilder unit(String unit) {
    this.unit = unit;
    return this;
  }

  /** Histograms: the advised explicit bucket boundaries, strictly increasing. */
  public InstrumentBuilder buckets(List<Double> boundaries) {
    double[] values = new double[boundaries.size()];
    for (int i = 0; i < values.length; i++) {
      values[i] = boundaries.get(i);
      if (i > 0 && !(values[i] > values[i - 1])) {
        throw new IllegalArgumentException("bucket boundaries must increase: " + boundaries);
      }
    }
    this.boundaries = values;
    return this;
  }

  public LongCounter longCounter() {
    return meter.longCounter(describe(InstrumentType.COUNTER, ValueType.LONG));
  }

  public DoubleCounter doubleCounter() {
    return meter.doubleCounter(describe(InstrumentType.COUNTER, ValueType.DOUBLE));
  }

  public LongUpDownCounter longUpDownCounter() {
    return meter.longUpDownCounter(describe(InstrumentType.UP_DOWN_COUNTER, ValueType.LONG));
  }

  public DoubleUpDownCounter doubleUpDownCounter() {
    return meter.doubleUpDownCounter(describe(InstrumentType.UP_DOWN_COUNTER, ValueType.DOUBLE));
  }

  public LongHistogram longHistogram() {
    return meter.longHistogram(describe(InstrumentType.HISTOGRAM, ValueType.LONG));
  }

  public DoubleHistogram doubleHistogram() {
    return meter.doubleHistogram(describe(InstrumentType.HISTOGRAM, ValueType.DOUBLE));
  }

  public LongGauge longGauge() {
    return meter.longGauge(describe(InstrumentType.GAUGE, ValueType.LONG));
  }

  public DoubleGauge doubleGauge() {
    return meter.doubleGauge(describe(InstrumentType.GAUGE, ValueType.DOUBLE));
  }

  /** The callback reports each series' running total (not an increment). */
  public ObservableInstrument observableLongCounter(Consumer<ObservableLongMeasurement> callback) {
    return meter.observeLongs(
        describe(InstrumentType.OBSERVABLE_COUNTER, ValueType.LONG), callback);
  }

  public ObservableInstrument observableDoubleCounter(
      Consumer<ObservableDoubleMeasurement> callback) {
    return meter.observeDoubles(
        describe(InstrumentType.OBSERVABLE_COUNTER, ValueType.DOUBLE), callback);
  }

  public ObservableInstrument observableLongUpDownCounter(
      Consumer<ObservableLongMeasurement> callback) {
    return meter.observeLongs(
        describe(InstrumentType.OBSERVABLE_UP_DOWN_COUNTER, ValueType.LONG), callback);
  }

  public ObservableInstrument observableDoubleUpDownCounter(
      Consumer<ObservableDoubleMeasurement> callback) {
    return meter.observeDoubles(
        describe(InstrumentType.OBSERVABLE_UP_DOWN_COUNTER, ValueType.DOUBLE), callback);
  }

  public ObservableInstrument observableLongGauge(Consumer<ObservableLongMeasurement> callback) {
    return meter.observeLongs(describe(InstrumentType.OBSERVABLE_GAUGE, ValueType.LONG), callback);
  }

  public ObservableInstrument observableDoubleGauge(
      Consumer<ObservableDoubleMeasurement> callback) {
    return meter.observeDoubles(
        describe(InstrumentType.OBSERVABLE_GAUGE, ValueType.DOUBLE), callback);
  }

  private InstrumentDescriptor describe(InstrumentType type, ValueType valueType) {
    return new InstrumentDescriptor(name, description, unit, type, valueType, boundaries);
  }
}
