package dev.weft.core.api.instrumenter;

import dev.weft.core.Version;
import dev.weft.core.api.GlobalTelemetry;
import dev.weft.core.api.metrics.MeterProvider;
import dev.weft.core.api.metrics.MeterProviders;
import dev.weft.core.api.propagation.TextMapGetter;
import dev.weft.core.api.propagation.TextMapPropagator;
import dev.weft.core.api.propagation.TextMapSetter;
import dev.weft.core.api.trace.SpanKind;
import dev.weft.core.api.trace.TracerProvider;
import dev.weft.core.api.trace.TracerProviders;

/** Configures one {@link Instrumenter}. Not thread-safe; build once. */
public final class InstrumenterBuilder<REQ, RES> {

  private static final String SCOPE_PREFIX = "io.opentelemetry.";

  final String instrumentationName;
  final SpanKind kind;
  SpanSemconv<? super REQ, ? super RES> semconv;
  TextMapGetter<REQ> parentGetter;
  TextMapSetter<REQ> requestSetter;
  TextMapPropagator propagator;
  private TracerProvider tracerProvider;
  private MeterProvider meterProvider;

  InstrumenterBuilder(String instrumentationName, SpanKind kind) {
    if (instrumentationName == null || kind == null) {
      throw new NullPointerException("instrumentation name and span kind are required");
    }
    this.instrumentationName = instrumentationName;
    this.kind = kind;
  }

  /** Span names, attributes and status of this library's domain. Required. */
  public InstrumenterBuilder<REQ, RES> semconv(SpanSemconv<? super REQ, ? super RES> semconv) {
    this.semconv = semconv;
    return this;
  }

  /**
   * Servers and consumers: read the remote parent from the incoming request with {@code getter}.
   */
  public InstrumenterBuilder<REQ, RES> extractParentWith(TextMapGetter<REQ> getter) {
    this.parentGetter = getter;
    return this;
  }

  /**
   * Clients and producers whose request is mutable: {@link Instrumenter#start} injects the new
   * span's context into it with {@code setter}. Immutable requests use {@link Instrumenter#inject}.
   */
  public InstrumenterBuilder<REQ, RES> injectWith(TextMapSetter<REQ> setter) {
    this.requestSetter = setter;
    return this;
  }

  // Visible for testing: instrumentations use the global tracer provider.
  public InstrumenterBuilder<REQ, RES> tracerProvider(TracerProvider tracerProvider) {
    this.tracerProvider = tracerProvider;
    return this;
  }

  // Visible for testing: instrumentations use the global meter provider.
  public InstrumenterBuilder<REQ, RES> meterProvider(MeterProvider meterProvider) {
    this.meterProvider = meterProvider;
    return this;
  }

  // Visible for testing: instrumentations use the global propagator.
  public InstrumenterBuilder<REQ, RES> propagator(TextMapPropagator propagator) {
    this.propagator = propagator;
    return this;
  }

  /** Reads the global tracer provider, meter provider and propagator (unless given) once, now. */
  public Instrumenter<REQ, RES> build() {
    if (semconv == null) {
      throw new IllegalStateException("semconv(...) is required for " + instrumentationName);
    }
    TracerProvider provider =
        tracerProvider == null ? GlobalTelemetry.tracerProvider() : tracerProvider;
    if (propagator == null) {
      propagator = GlobalTelemetry.propagator();
    }
    String scopeName = SCOPE_PREFIX + instrumentationName;
    boolean mayRecord = provider != TracerProviders.noop();
    MeterProvider meters = meterProvider == null ? GlobalTelemetry.meterProvider() : meterProvider;
    OperationMetrics<? super REQ, ? super RES> metrics =
        meters == MeterProviders.noop()
            ? null
            : semconv.metrics(meters.get(scopeName, Version.get()));
    return new Instrumenter<>(
        this, provider.get(scopeName, Version.get()), mayRecord, scopeName, metrics);
  }
}
