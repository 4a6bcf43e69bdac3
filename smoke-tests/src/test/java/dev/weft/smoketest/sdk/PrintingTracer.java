package dev.weft.smoketest.sdk;

import dev.weft.bootstrap.context.Context;
import dev.weft.core.api.common.AttributeKey;
import dev.weft.core.api.common.Attributes;
import dev.weft.core.api.trace.Span;
import dev.weft.core.api.trace.SpanBuilder;
import dev.weft.core.api.trace.SpanContext;
import dev.weft.core.api.trace.SpanKind;
import dev.weft.core.api.trace.StatusCode;
import dev.weft.core.api.trace.TraceState;
import dev.weft.core.api.trace.Tracer;
import dev.weft.core.api.trace.TracerProvider;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Samples everything and prints each span when it ends, one line: {@code [weft-test-span] scope=..
 * trace=.. span=.. parent=.. kind=.. name=".." status=.. exceptions=n attributes={..}}.
 */
final class PrintingTracer implements TracerProvider {

  static final String PREFIX = "[weft-test-span]";

  @Override
  public Tracer get(String scopeName, String scopeVersion) {
    return spanName -> new Builder(scopeName, spanName);
  }

  private static final class Builder implements SpanBuilder {
    private final String scope;
    private final String name;
    private final Map<String, Object> attributes = new TreeMap<>();
    private Context parent;
    private SpanKind kind = SpanKind.INTERNAL;

    Builder(String scope, String name) {
      this.scope = scope;
      this.name = name;
    }

    @Override
    public SpanBuilder setParent(Context parent) {
      this.parent = parent;
      return this;
    }

    @Override
    public SpanBuilder setNoParent() {
      parent = Context.root();
      return this;
    }

    @Override
    public SpanBuilder setSpanKind(SpanKind kind) {
      this.kind = kind;
      return this;
    }

    @Override
    public <T> SpanBuilder setAttribute(AttributeKey<T> key, T value) {
      attributes.put(key.name(), value);
      return this;
    }

    @Override
    public SpanBuilder addLink(SpanContext linked, Attributes linkAttributes) {
      return this;
    }

    @Override
    public SpanBuilder setStartTimestamp(long epochNanos) {
      return this;
    }

    @Override
    public Span startSpan() {
      SpanContext parentSpan =
          Span.fromContext(parent == null ? Context.current() : parent).spanContext();
      ThreadLocalRandom random = ThreadLocalRandom.current();
      long high = parentSpan.isValid() ? parentSpan.traceIdHigh() : random.nextLong();
      long low = parentSpan.isValid() ? parentSpan.traceIdLow() : random.nextLong() | 1;
      SpanContext context =
          SpanContext.create(
              high, low, random.nextLong() | 1, SpanContext.SAMPLED, TraceState.empty());
      return new PrintedSpan(scope, name, kind, context, parentSpan, attributes);
    }
  }

  private static final class PrintedSpan implements Span {
    private final String scope;
    private final SpanKind kind;
    private final SpanContext context;
    private final SpanContext parent;
    private final Map<String, Object> attributes;
    private volatile String name;
    private volatile StatusCode status = StatusCode.UNSET;
    private volatile int exceptions;
    private volatile boolean ended;

    PrintedSpan(
        String scope,
        String name,
        SpanKind kind,
        SpanContext context,
        SpanContext parent,
        Map<String, Object> attributes) {
      this.scope = scope;
      this.name = name;
      this.kind = kind;
      this.context = context;
      this.parent = parent;
      this.attributes = new TreeMap<>(attributes);
    }

    @Override
    public SpanContext spanContext() {
      return context;
    }

    @Override
    public boolean isRecording() {
      return !ended;
    }

    @Override
    public synchronized <T> Span setAttribute(AttributeKey<T> key, T value) {
      attributes.put(key.name(), value);
      return this;
    }

    @Override
    public Span addEvent(String eventName, Attributes eventAttributes) {
      return this;
    }

    @Override
    public Span recordException(Throwable exception, Attributes additional) {
      exceptions++;
      return this;
    }

    @Override
    public Span setStatus(StatusCode code, String description) {
      status = code;
      return this;
    }

    @Override
    public Span updateName(String newName) {
      name = newName;
      return this;
    }

    @Override
    public void end() {
      end(0);
    }

    @Override
    public synchronized void end(long epochNanos) {
      if (ended) {
        return;
      }
      ended = true;
      System.err.println(
          PREFIX
              + " scope="
              + scope
              + " trace="
              + context.traceIdHex()
              + " span="
              + context.spanIdHex()
              + " parent="
              + (parent.isValid() ? parent.spanIdHex() : "none")
              + " kind="
              + kind
              + " name=\""
              + name
              + "\" status="
              + status
              + " exceptions="
              + exceptions
              + " attributes="
              + attributes);
    }
  }
}
