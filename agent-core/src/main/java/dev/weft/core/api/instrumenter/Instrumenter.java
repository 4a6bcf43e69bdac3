package dev.weft.core.api.instrumenter;

import dev.weft.bootstrap.WeftLogger;
import dev.weft.bootstrap.context.Context;
import dev.weft.bootstrap.context.ContextKey;
import dev.weft.core.api.Suppression;
import dev.weft.core.api.common.Attributes;
import dev.weft.core.api.propagation.TextMapGetter;
import dev.weft.core.api.propagation.TextMapPropagator;
import dev.weft.core.api.propagation.TextMapSetter;
import dev.weft.core.api.trace.Span;
import dev.weft.core.api.trace.SpanBuilder;
import dev.weft.core.api.trace.SpanKind;
import dev.weft.core.api.trace.Tracer;

/**
 * Starts and ends the spans of one instrumented library, the same way for every library: decides
 * whether to start at all, extracts the remote parent (servers), names the span and sets its
 * attributes through the domain's {@link SpanSemconv}, makes it current, injects it into outgoing
 * requests (clients), and at the end sets status and end attributes and restores the context.
 *
 * <p>Built once per library (in the module's {@code *Singletons}) with {@link #builder}; reads the
 * tracer and propagator then, never per request. Thread-safe.
 *
 * <p>Hot path: {@link #shouldStart} allocates nothing; when it returns false the advice returns
 * null and nothing else runs. When the SDK is off (no-op tracer) spans carry the parent's span
 * context so that propagation still passes the incoming trace through, but no name or attribute is
 * computed.
 */
public final class Instrumenter<REQ, RES> {

  private static final WeftLogger log = WeftLogger.get("instrumenter");

  // Mark the context of a server or client span, whatever the tracer: a non-recording span cannot
  // say its kind, and "no nested client spans" must hold with the SDK off too.
  static final ContextKey<Span> SERVER_SPAN = ContextKey.named("weft-server-span");
  static final ContextKey<Span> CLIENT_SPAN = ContextKey.named("weft-client-span");
  private static final String NOT_RECORDED_NAME = "not recorded";

  private final String instrumentationName;
  private final SpanKind kind;
  private final Tracer tracer;
  private final boolean mayRecord;
  private final TextMapPropagator propagator;
  private final SpanSemconv<? super REQ, ? super RES> semconv;
  private final TextMapGetter<REQ> parentGetter;
  private final TextMapSetter<REQ> requestSetter;
  private final ContextKey<Span> kindKey;
  private final OperationMetrics<? super REQ, ? super RES> metrics; // null: metrics off

  Instrumenter(
      InstrumenterBuilder<REQ, RES> builder,
      Tracer tracer,
      boolean mayRecord,
      String scopeName,
      OperationMetrics<? super REQ, ? super RES> metrics) {
    this.instrumentationName = scopeName;
    this.kind = builder.kind;
    this.tracer = tracer;
    this.mayRecord = mayRecord;
    this.propagator = builder.propagator;
    this.semconv = builder.semconv;
    this.parentGetter = builder.parentGetter;
    this.requestSetter = builder.requestSetter;
    this.kindKey =
        kind == SpanKind.SERVER ? SERVER_SPAN : kind == SpanKind.CLIENT ? CLIENT_SPAN : null;
    this.metrics = metrics;
  }

  /**
   * A builder for the instrumenter of {@code instrumentationName} (the OpenTelemetry agent's name,
   * e.g. {@code java-http-client}); its spans get the scope {@code io.opentelemetry.<name>}.
   */
  public static <REQ, RES> InstrumenterBuilder<REQ, RES> builder(
      String instrumentationName, SpanKind kind) {
    return new InstrumenterBuilder<>(instrumentationName, kind);
  }

  /**
   * Whether to start an operation under {@code parent}: not when instrumentation is suppressed
   * (exporter traffic), not for a server span when one is already current, not for a client span
   * inside another client span (a client library built on another one yields one span). Allocates
   * nothing.
   */
  public boolean shouldStart(Context parent) {
    if (Suppression.isSuppressed(parent)) {
      return false;
    }
    return kindKey == null || parent.get(kindKey) == null;
  }

  /**
   * Starts the span under {@code parent} (for servers: under the parent extracted from {@code
   * request}, if any), injects it into {@code request} when a setter was configured, and makes its
   * context current until {@link Operation#end} or {@link Operation#closeScope()}. Call only after
   * {@link #shouldStart} said yes. Throws only before anything was made current.
   */
  public Operation<REQ, RES> start(Context parent, REQ request) {
    Context parentContext =
        parentGetter == null ? parent : propagator.extract(parent, request, parentGetter);
    long startNanos = System.nanoTime();
    Span span = startSpan(parentContext, request);
    Context context = span.storeInContext(parentContext);
    if (kindKey != null) {
      context = context.with(kindKey, span);
    }
    if (requestSetter != null) {
      propagator.inject(context, request, requestSetter);
    }
    return new Operation<>(this, request, span, context, context.makeCurrent(), startNanos);
  }

  /** Injects {@code context} into an outgoing carrier with the global propagator. */
  public <C> void inject(Context context, C carrier, TextMapSetter<C> setter) {
    propagator.inject(context, carrier, setter);
  }

  private Span startSpan(Context parentContext, REQ request) {
    if (!mayRecord) {
      return tracer.spanBuilder(NOT_RECORDED_NAME).setParent(parentContext).startSpan();
    }
    SpanBuilder builder =
        tracer.spanBuilder(semconv.spanName(request)).setParent(parentContext).setSpanKind(kind);
    semconv.onStart(builder, request);
    return builder.startSpan();
  }

  void end(Operation<REQ, RES> operation, RES response, Throwable error) {
    Span span = operation.span();
    try {
      if (mayRecord && span.isRecording()) {
        if (error != null) {
          span.recordException(error, Attributes.empty());
        }
        semconv.onEnd(span, operation.request(), response, error);
      }
    } catch (Throwable t) {
      // A getter that trips over an unusual request must cost an attribute, never the span.
      if (log.isDebug()) {
        log.debug("End attributes of a " + instrumentationName + " span failed", t);
      }
    } finally {
      span.end();
      if (metrics != null) {
        recordMetrics(operation, response, error);
      }
    }
  }

  private void recordMetrics(Operation<REQ, RES> operation, RES response, Throwable error) {
    try {
      metrics.record(
          operation.context(),
          operation.request(),
          response,
          error,
          System.nanoTime() - operation.startNanos());
    } catch (Throwable t) {
      if (log.isDebug()) {
        log.debug("Duration metric of a " + instrumentationName + " operation failed", t);
      }
    }
  }

  @Override
  public String toString() {
    return "Instrumenter{" + instrumentationName + ", " + kind + ", " + semconv + "}";
  }
}
