package dev.weft.core.instrumentation.internal;

import static net.bytebuddy.matcher.ElementMatchers.isDeclaredBy;
import static net.bytebuddy.matcher.ElementMatchers.named;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.weft.bootstrap.IndyDispatcher;
import dev.weft.bootstrap.context.Context;
import dev.weft.bootstrap.context.ContextKey;
import dev.weft.bootstrap.context.Scope;
import dev.weft.bootstrap.context.TaskContexts;
import dev.weft.core.instrumentation.AdviceTarget;
import dev.weft.core.instrumentation.InstrumentationModule;
import dev.weft.core.instrumentation.TypeInstrumentation;
import dev.weft.core.instrumentation.TypeMatcher;
import dev.weft.fixtures.TaskLoop;
import java.io.InputStream;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** {@link AdviceTarget#replaceCalls}: a worker loop's task calls go through a bootstrap method. */
@SuppressWarnings("try") // scopes opened only for their effect on the current context
class WeaverCallReplacementTest {

  private static final ContextKey<String> NAME = ContextKey.named("name");
  private static final String LOOP = TaskLoop.class.getName();

  @Test
  void callsInTheNamedMethodRunInTheTasksContextAndTheRestAreUntouched() throws Exception {
    Class<?> woven = weave("dev.weft.bootstrap.context.TaskContexts");
    Context submitted = Context.root().with(NAME, "submitted");
    Context worker = Context.root().with(NAME, "worker");
    List<String> seen = new ArrayList<>();
    Runnable first = () -> seen.add(Context.current().get(NAME));
    Runnable second = () -> seen.add(Context.current().get(NAME));
    Runnable third = () -> seen.add(Context.current().get(NAME));
    try (Scope ignored = submitted.makeCurrent()) {
      TaskContexts.capture(first);
      TaskContexts.capture(third);
    }
    try (Scope ignored = worker.makeCurrent()) {
      woven
          .getMethod("runAll", Runnable[].class)
          .invoke(null, (Object) new Runnable[] {first, second});
      woven.getMethod("runOne", Runnable.class).invoke(null, third);
      assertThat(Context.current()).isSameAs(worker);
    }
    // first: its own context; second: none attached, so the worker's; third: not replaced.
    assertThat(seen).containsExactly("submitted", "worker", "worker");
    TaskContexts.clear(third);
  }

  @Test
  void exceptionsFromTheTaskPassThroughAndTheWorkersContextIsBack() throws Exception {
    Class<?> woven = weave("dev.weft.bootstrap.context.TaskContexts");
    Context worker = Context.root().with(NAME, "worker");
    Runnable failing =
        () -> {
          throw new IllegalStateException("task failed");
        };
    try (Scope ignored = Context.root().with(NAME, "submitted").makeCurrent()) {
      TaskContexts.capture(failing);
    }
    Method runAll = woven.getMethod("runAll", Runnable[].class);
    try (Scope ignored = worker.makeCurrent()) {
      assertThatThrownBy(() -> runAll.invoke(null, (Object) new Runnable[] {failing}))
          .isInstanceOf(InvocationTargetException.class)
          .hasRootCauseMessage("task failed");
      assertThat(Context.current()).isSameAs(worker);
    }
  }

  @Test
  void replacementsOutsideTheBootstrapPackageAreRefused() {
    assertThatThrownBy(() -> weave("java.util.Objects"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("dev.weft.bootstrap");
  }

  private static Class<?> weave(String replacementClass) throws Exception {
    TypeInstrumentation loop =
        new TypeInstrumentation() {
          @Override
          public TypeMatcher typeMatcher() {
            return TypeMatcher.named(LOOP);
          }

          @Override
          public void transform(AdviceTarget target) {
            target.replaceCalls(
                named("runAll"),
                named("run").and(isDeclaredBy(Runnable.class)),
                replacementClass,
                "run");
          }
        };
    InstrumentationModule module =
        new InstrumentationModule("loop") {
          @Override
          public List<TypeInstrumentation> typeInstrumentations() {
            return List.of(loop);
          }
        };
    ModuleEntry entry = new ModuleEntry(module, "built-in", true, 0);
    byte[] original;
    try (InputStream in =
        ClassLoader.getSystemResourceAsStream(LOOP.replace('.', '/') + ".class")) {
      original = in.readAllBytes();
    }
    ClassLoader parent = WeaverCallReplacementTest.class.getClassLoader();
    byte[] woven =
        new Weaver(null, IndyDispatcher.class)
            .weave(
                null,
                parent,
                LOOP.replace('.', '/'),
                original,
                List.of(new Candidate(entry, loop, 0)));
    return new ClassLoader(parent) {
      @Override
      protected Class<?> loadClass(String name, boolean resolve) throws ClassNotFoundException {
        if (name.equals(LOOP)) {
          synchronized (getClassLoadingLock(name)) {
            Class<?> loaded = findLoadedClass(name);
            return loaded != null ? loaded : defineClass(name, woven, 0, woven.length);
          }
        }
        return super.loadClass(name, resolve);
      }
    }.loadClass(LOOP);
  }
}
