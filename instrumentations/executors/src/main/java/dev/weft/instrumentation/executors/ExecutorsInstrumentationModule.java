package dev.weft.instrumentation.executors;

import dev.weft.core.instrumentation.InstrumentationModule;
import dev.weft.core.instrumentation.TypeInstrumentation;
import java.util.Arrays;
import java.util.List;

/**
 * Carries the context current when work is handed to another thread into that work: the JDK's
 * thread pools (and their subclasses), fork/join, {@code CompletableFuture} and new threads,
 * virtual ones included. The context is attached to the task object itself ({@code
 * dev.weft.bootstrap.context.TaskContexts}), never by wrapping it.
 *
 * <p>Every class woven here is a JDK class that is often loaded before the agent starts, so the
 * advice is inlined (the documented exception to invokedynamic dispatch, see {@code
 * docs/architecture.md}) and references only {@code dev.weft.bootstrap} and JDK types. The one
 * exception is {@link ThreadSubclassInstrumentation}, which weaves application classes.
 */
public final class ExecutorsInstrumentationModule extends InstrumentationModule {

  public ExecutorsInstrumentationModule() {
    super("executors"); // the OpenTelemetry agent's name for context propagation across threads
  }

  @Override
  public List<TypeInstrumentation> typeInstrumentations() {
    return Arrays.asList(
        new ThreadPoolExecutorInstrumentation(),
        new ScheduledThreadPoolExecutorInstrumentation(),
        new FutureTaskInstrumentation(),
        new ForkJoinInstrumentation.Submission(),
        new ForkJoinInstrumentation.Execution(),
        new CompletableFutureInstrumentation.Push(),
        new CompletableFutureInstrumentation.Fire(),
        new ThreadInstrumentation(),
        new ThreadSubclassInstrumentation());
  }
}
