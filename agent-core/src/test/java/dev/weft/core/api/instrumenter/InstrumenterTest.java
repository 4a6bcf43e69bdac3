package dev.weft.core.api.instrumenter;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.weft.bootstrap.context.Context;
import dev.weft.bootstrap.context.Scope;
import dev.weft.core.api.Suppression;
import dev.weft.core.api.common.AttributeKey;
import dev.weft.core.api.propagation.TextMapGetter;
import dev.weft.core.api.propagation.TextMapSetter;
import dev.weft.core.api.testing.RecordingTracer;
import dev.weft.core.api.testing.RecordingTracer.RecordedSpan;
import dev.weft.core.api.testing.TestPropagator;
import dev.weft.core.api.trace.Span;
import dev.weft.core.api.trace.SpanBuilder;
import dev.weft.core.api.trace.SpanKind;
import dev.weft.core.api.trace.StatusCode;
import dev.weft.core.api.trace.TracerProviders;
import java.lang.management.ManagementFactory;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class InstrumenterTest {

  private static final AttributeKey<String> TARGET = AttributeKey.stringKey("test.target");
  private static final AttributeKey<Long> RESULT = AttributeKey.longKey("test.result");
  private static final TextMapGetter<Map<String, String>> GETTER =
      new TextMapGetter<Map<String, String>>() {
        @Override
        public Iterable<String> keys(Map<String, String> carrier) {
          return carrier.keySet();
        }

        @Override
        public String get(Map<String, String> carrier, String key) {
          return carrier.get(key);
        }
      };
  private static final TextMapSetter<Map<String, String>> SETTER = Map::put;

  private final RecordingTracer tracer = RecordingTracer.sampling();
  private final TestSemconv semconv = new TestSemconv();

  @AfterEach
  void nothingLeftCurrent() {
    assertThat(Context.current()).isSameAs(Context.root());
  }

  @Test
  void scopeIsNamedLikeTheOpenTelemetryAgents() {
    instrumenter(SpanKind.CLIENT);

    assertThat(tracer.scopeName()).isEqualTo("io.opentelemetry.test-lib");
  }

  @Test
  void startMakesTheSpanCurrentAndEndRestoresTheParent() {
    Instrumenter<Map<String, String>, Integer> instrumenter = instrumenter(SpanKind.INTERNAL);
    Map<String, String> request = request("orders");

    Operation<Map<String, String>, Integer> op = instrumenter.start(Context.root(), request);
    assertThat(Span.current()).isSameAs(op.span());
    assertThat(op.context()).isSameAs(Context.current());
    assertThat(op.request()).isSameAs(request);
    op.end(7, null);

    RecordedSpan span = tracer.onlySpan();
    assertThat(span.name()).isEqualTo("op orders");
    assertThat(span.kind()).isEqualTo(SpanKind.INTERNAL);
    assertThat(span.startAttributes()).containsEntry(TARGET, "orders").doesNotContainKey(RESULT);
    assertThat(span.attributes()).containsEntry(RESULT, 7L);
    assertThat(span.endCount()).isEqualTo(1);
    assertThat(span.status()).isEqualTo(StatusCode.UNSET);
  }

  @Test
  void childSpansHaveTheCurrentSpanAsParent() {
    Instrumenter<Map<String, String>, Integer> server = instrumenter(SpanKind.SERVER);
    Instrumenter<Map<String, String>, Integer> client = instrumenter(SpanKind.CLIENT);

    Operation<Map<String, String>, Integer> outer = server.start(Context.root(), request("a"));
    Operation<Map<String, String>, Integer> inner = client.start(Context.current(), request("b"));
    inner.end(null, null);
    outer.end(null, null);

    assertThat(tracer.spans().get(1).parent()).isEqualTo(outer.span().spanContext());
  }

  @Test
  void nothingStartsWhenSuppressed() {
    Context suppressed = Suppression.suppress(Context.root());

    for (SpanKind kind : SpanKind.values()) {
      assertThat(instrumenter(kind).shouldStart(suppressed)).as(kind.name()).isFalse();
      assertThat(instrumenter(kind).shouldStart(Context.root())).as(kind.name()).isTrue();
    }
  }

  @Test
  void noClientSpanInsideAClientSpanAndNoServerSpanInsideAServerSpan() {
    Instrumenter<Map<String, String>, Integer> client = instrumenter(SpanKind.CLIENT);
    Instrumenter<Map<String, String>, Integer> server = instrumenter(SpanKind.SERVER);
    Instrumenter<Map<String, String>, Integer> internal = instrumenter(SpanKind.INTERNAL);

    Operation<Map<String, String>, Integer> serverOp = server.start(Context.root(), request("s"));
    assertThat(server.shouldStart(Context.current())).isFalse();
    assertThat(client.shouldStart(Context.current())).isTrue();
    Operation<Map<String, String>, Integer> clientOp =
        client.start(Context.current(), request("c"));
    assertThat(client.shouldStart(Context.current())).isFalse();
    assertThat(internal.shouldStart(Context.current())).isTrue();
    clientOp.end(null, null);
    assertThat(client.shouldStart(Context.current())).isTrue();
    serverOp.end(null, null);
    assertThat(server.shouldStart(Context.current())).isTrue();
  }

  @Test
  void serverExtractsItsParentFromTheRequest() {
    Instrumenter<Map<String, String>, Integer> server =
        builder(SpanKind.SERVER).extractParentWith(GETTER).build();
    Map<String, String> request = request("s");
    request.put(TestPropagator.HEADER, "0000000000000000000000000000abcd-00000000000000ef");

    server.start(Context.root(), request).end(200, null);

    RecordedSpan span = tracer.onlySpan();
    assertThat(span.parent().isRemote()).isTrue();
    assertThat(span.parent().traceIdHex()).isEqualTo("0000000000000000000000000000abcd");
    assertThat(span.spanContext().traceIdHex()).isEqualTo("0000000000000000000000000000abcd");
    assertThat(span.parent().spanIdHex()).isEqualTo("00000000000000ef");
  }

  @Test
  void clientInjectsItsSpanIntoTheRequestOrAnyCarrier() {
    Instrumenter<Map<String, String>, Integer> client =
        builder(SpanKind.CLIENT).injectWith(SETTER).build();
    Map<String, String> request = request("c");

    Operation<Map<String, String>, Integer> op = client.start(Context.root(), request);
    Map<String, String> other = new HashMap<>();
    client.inject(op.context(), other, SETTER);
    op.end(null, null);

    String expected =
        op.span().spanContext().traceIdHex() + "-" + op.span().spanContext().spanIdHex();
    assertThat(request).containsEntry(TestPropagator.HEADER, expected);
    assertThat(other).containsEntry(TestPropagator.HEADER, expected);
  }

  @Test
  void errorIsRecordedAndHandedToTheSemconv() {
    Instrumenter<Map<String, String>, Integer> instrumenter = instrumenter(SpanKind.CLIENT);
    IllegalStateException error = new IllegalStateException("boom");

    instrumenter.start(Context.root(), request("x")).end(null, error);

    RecordedSpan span = tracer.onlySpan();
    assertThat(span.exceptions()).containsExactly(error);
    assertThat(span.status()).isEqualTo(StatusCode.ERROR);
    assertThat(span.ended()).isTrue();
  }

  @Test
  void onlyTheFirstEndCounts() {
    Operation<Map<String, String>, Integer> op =
        instrumenter(SpanKind.CLIENT).start(Context.root(), request("x"));

    op.end(1, null);
    op.end(2, new RuntimeException());

    RecordedSpan span = tracer.onlySpan();
    assertThat(span.endCount()).isEqualTo(1);
    assertThat(span.attributes()).containsEntry(RESULT, 1L);
    assertThat(span.exceptions()).isEmpty();
  }

  @Test
  void aFailingSemconvCostsAttributesButNeverTheSpanOrTheContext() {
    semconv.failOnEnd = true;
    Operation<Map<String, String>, Integer> op =
        instrumenter(SpanKind.SERVER).start(Context.root(), request("x"));

    op.end(500, null);

    assertThat(tracer.onlySpan().ended()).isTrue();
  }

  @Test
  void unsampledSpansSkipTheEndAttributes() {
    RecordingTracer unsampled = RecordingTracer.notSampling();
    Instrumenter<Map<String, String>, Integer> instrumenter =
        builder(SpanKind.CLIENT).tracerProvider(unsampled).build();

    instrumenter.start(Context.root(), request("x")).end(3, new RuntimeException());

    assertThat(semconv.ends.get()).isZero();
    assertThat(unsampled.onlySpan().ended()).isTrue();
  }

  @Test
  void withTheNoopTracerNothingIsComputedButTheParentPassesThrough() {
    semconv.failOnStart = true;
    Instrumenter<Map<String, String>, Integer> server =
        builder(SpanKind.SERVER)
            .tracerProvider(TracerProviders.noop())
            .extractParentWith(GETTER)
            .build();
    Instrumenter<Map<String, String>, Integer> client =
        builder(SpanKind.CLIENT).tracerProvider(TracerProviders.noop()).injectWith(SETTER).build();
    Map<String, String> incoming = request("s");
    incoming.put(TestPropagator.HEADER, "0000000000000000000000000000abcd-00000000000000ef");

    Operation<Map<String, String>, Integer> serverOp = server.start(Context.root(), incoming);
    Map<String, String> outgoing = request("c");
    Operation<Map<String, String>, Integer> clientOp = client.start(Context.current(), outgoing);
    boolean nestedClient = client.shouldStart(Context.current());
    clientOp.end(200, null);
    serverOp.end(200, null);

    assertThat(outgoing)
        .containsEntry(TestPropagator.HEADER, "0000000000000000000000000000abcd-00000000000000ef");
    assertThat(nestedClient).isFalse();
    assertThat(semconv.ends.get()).isZero();
  }

  @Test
  void theScopeIsClosedOnlyOnTheStartingThread() throws Exception {
    Operation<Map<String, String>, Integer> op =
        instrumenter(SpanKind.CLIENT).start(Context.root(), request("x"));
    Context started = Context.current();

    Thread other = new Thread(op::closeScope);
    other.start();
    other.join();
    assertThat(Context.current()).isSameAs(started);
    op.closeScope();
    assertThat(Context.current()).isSameAs(Context.root());

    Thread ender = new Thread(() -> op.end(204, null));
    ender.start();
    ender.join();
    assertThat(tracer.onlySpan().attributes()).containsEntry(RESULT, 204L);
  }

  @Test
  void endRestoresTheContextThatWasCurrentAtStart() {
    Context outer = Context.root().with(dev.weft.bootstrap.context.ContextKey.named("k"), "v");
    try (Scope ignored = outer.makeCurrent()) {
      instrumenter(SpanKind.CLIENT).start(Context.current(), request("x")).end(null, null);
      assertThat(Context.current()).isSameAs(outer);
    }
  }

  @Test
  void shouldStartAllocatesNothing() {
    com.sun.management.ThreadMXBean threads =
        (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
    Instrumenter<Map<String, String>, Integer> client = instrumenter(SpanKind.CLIENT);
    Context suppressed = Suppression.suppress(Context.root());
    Context inClient = Context.root().with(Instrumenter.CLIENT_SPAN, Span.fromContext(suppressed));
    long threadId = Thread.currentThread().getId();
    int started = 0;
    for (int i = 0; i < 20_000; i++) {
      started += client.shouldStart(suppressed) || client.shouldStart(inClient) ? 1 : 0;
    }
    long before = threads.getThreadAllocatedBytes(threadId);
    for (int i = 0; i < 100_000; i++) {
      started += client.shouldStart(suppressed) || client.shouldStart(inClient) ? 1 : 0;
    }
    long allocated = threads.getThreadAllocatedBytes(threadId) - before;

    assertThat(started).isZero();
    assertThat(allocated).as("bytes allocated by 200k refusals").isLessThan(1024);
  }

  @Test
  void aSemconvIsRequired() {
    assertThatThrownBy(
            () ->
                Instrumenter.<Map<String, String>, Integer>builder("x", SpanKind.CLIENT)
                    .tracerProvider(tracer)
                    .build())
        .isInstanceOf(IllegalStateException.class);
  }

  private Instrumenter<Map<String, String>, Integer> instrumenter(SpanKind kind) {
    return builder(kind).build();
  }

  private InstrumenterBuilder<Map<String, String>, Integer> builder(SpanKind kind) {
    return Instrumenter.<Map<String, String>, Integer>builder("test-lib", kind)
        .semconv(semconv)
        .tracerProvider(tracer)
        .propagator(new TestPropagator());
  }

  private static Map<String, String> request(String target) {
    Map<String, String> request = new HashMap<>();
    request.put("target", target);
    return request;
  }

  /** Names spans "op <target>", sets the target at start and the result at the end. */
  private static final class TestSemconv implements SpanSemconv<Map<String, String>, Integer> {
    final AtomicInteger ends = new AtomicInteger();
    volatile boolean failOnStart;
    volatile boolean failOnEnd;

    @Override
    public String spanName(Map<String, String> request) {
      if (failOnStart) {
        throw new AssertionError("must not be called");
      }
      return "op " + request.get("target");
    }

    @Override
    public void onStart(SpanBuilder span, Map<String, String> request) {
      span.setAttribute(TARGET, request.get("target"));
    }

    @Override
    public void onEnd(Span span, Map<String, String> request, Integer response, Throwable error) {
      ends.incrementAndGet();
      if (failOnEnd) {
        throw new IllegalStateException("getter bug");
      }
      if (response != null) {
        span.setAttribute(RESULT, (long) response);
      }
      if (error != null) {
        span.setStatus(StatusCode.ERROR, null);
      }
    }
  }
}
