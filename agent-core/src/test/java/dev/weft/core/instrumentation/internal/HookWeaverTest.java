package dev.weft.core.instrumentation.internal;

import static dev.weft.core.instrumentation.MethodHooks.Value.argument;
import static dev.weft.core.instrumentation.MethodHooks.Value.returned;
import static dev.weft.core.instrumentation.MethodHooks.Value.self;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.weft.bootstrap.testing.RecordingHooks;
import dev.weft.core.instrumentation.MethodHooks;
import java.io.IOException;
import java.io.InputStream;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Weaves hooks into {@link HookSample} and loads the result in a class loader of its own, where the
 * JVM verifies it: a wrong frame or stack size fails here with a VerifyError.
 */
class HookWeaverTest {

  private static final String HOOKS = "dev.weft.bootstrap.testing.RecordingHooks";

  @BeforeEach
  void clear() {
    RecordingHooks.calls.clear();
  }

  @Test
  void enterAroundAndReturnHooksSeeEveryPathOutOfTheMethod() throws Exception {
    Object sample =
        woven(
            MethodHooks.method("compute", "(IJLjava/lang/String;)")
                .atEnter(HOOKS, "enter", self(), argument(0), argument(1), argument(2))
                .around(HOOKS, "around", self(), "exit")
                .atReturn(HOOKS, "returnedInt", returned(), self()));

    assertThat(call(sample, "compute", 5, 7L, "xy")).isEqualTo(300); // the early return
    assertThat(RecordingHooks.calls)
        .containsExactly("enter true 5 7 xy", "around-enter", "returned 300", "around-exit token");
    RecordingHooks.calls.clear();

    assertThat(call(sample, "compute", 0, 4L, "abc")).isEqualTo(9); // the last return
    assertThat(RecordingHooks.calls)
        .containsExactly("enter true 0 4 abc", "around-enter", "returned 9", "around-exit token");
  }

  @Test
  void aThrowRunsTheThrowAndExitHooksAndPassesTheSameExceptionOn() throws Exception {
    Object sample =
        woven(
            MethodHooks.method("fails", "(Ljava/lang/String;)")
                .around(HOOKS, "around", self(), "exit")
                .atReturn(HOOKS, "returnedLong", returned())
                .atThrow(HOOKS, "thrown", argument(0)));

    assertThatThrownBy(() -> call(sample, "fails", "boom"))
        .isInstanceOf(IllegalStateException.class)
        .hasMessage("boom");
    // The exception the method caught itself ran no hook.
    assertThat(RecordingHooks.calls)
        .containsExactly("around-enter", "thrown boom", "around-exit token");
  }

  @Test
  void synchronizedStaticAndReferenceResultsAreWovenToo() throws Exception {
    Object sample =
        woven(
            MethodHooks.method("name", "(Z)").atReturn(HOOKS, "returnedObject", returned()),
            MethodHooks.method("utility", null)
                .atEnter(HOOKS, "staticEnter", argument(0), argument(1)));

    assertThat(call(sample, "name", true)).isEqualTo("SAMPLE");
    List<String> out = new ArrayList<>();
    Method utility = sample.getClass().getMethod("utility", double.class, String.class, List.class);
    utility.invoke(null, 2.5, "s", out);

    assertThat(out).containsExactly("s2.5");
    assertThat(RecordingHooks.calls).containsExactly("returned SAMPLE", "static 2.5 s");
  }

  @Test
  void aReplacedCallGoesThroughTheHook() throws Exception {
    Object sample =
        woven(
            MethodHooks.method("runAll", null)
                .replaceCall("java.lang.Runnable", "run", "()V", HOOKS, "run"));
    List<String> ran = new ArrayList<>();

    call(sample, "runAll", List.<Runnable>of(() -> ran.add("a"), () -> ran.add("b")));

    assertThat(ran).containsExactly("a", "b");
    assertThat(RecordingHooks.calls).containsExactly("run-replaced", "run-replaced");
  }

  @Test
  void aHookThatDoesNotExistFailsTheWeaveInsteadOfBreakingTheClass() throws IOException {
    byte[] original = classFile();

    assertThatThrownBy(
            () ->
                HookWeaver.weave(
                    original,
                    List.of(
                        MethodHooks.method("name", "(Z)")
                            .atReturn(HOOKS, "returnedInt", returned(), self()))))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("no public static hook")
        .hasMessageContaining("returnedInt(Ljava/lang/Object;Ljava/lang/Object;)V");
  }

  @Test
  void noMatchingMethodLeavesTheClassAlone() throws IOException {
    assertThat(
            HookWeaver.weave(
                classFile(),
                List.of(MethodHooks.method("absent", null).atEnter(HOOKS, "thrown", self()))))
        .isNull();
  }

  private static Object woven(MethodHooks... hooks) throws Exception {
    byte[] woven = HookWeaver.weave(classFile(), List.of(hooks));
    assertThat(woven).isNotNull();
    Class<?> type =
        new SingleClassLoader(HookSample.class.getName(), woven)
            .loadClass(HookSample.class.getName());
    assertThat(type.getClassLoader()).isInstanceOf(SingleClassLoader.class);
    return type.getConstructor().newInstance();
  }

  private static Object call(Object target, String name, Object... args) throws Exception {
    for (Method method : target.getClass().getMethods()) {
      if (method.getName().equals(name) && method.getParameterCount() == args.length) {
        try {
          return method.invoke(target, args);
        } catch (InvocationTargetException e) {
          throw (Exception) e.getCause();
        }
      }
    }
    throw new NoSuchMethodException(name);
  }

  private static byte[] classFile() throws IOException {
    try (InputStream in =
        HookSample.class.getResourceAsStream(HookSample.class.getSimpleName() + ".class")) {
      return in.readAllBytes();
    }
  }

  /** Defines one class from given bytes (verified, as every non-boot class); the rest delegates. */
  private static final class SingleClassLoader extends ClassLoader {
    private final String name;
    private final byte[] classFile;

    SingleClassLoader(String name, byte[] classFile) {
      super(HookWeaverTest.class.getClassLoader());
      this.name = name;
      this.classFile = classFile;
    }

    @Override
    protected Class<?> loadClass(String className, boolean resolve) throws ClassNotFoundException {
      if (!className.equals(name)) {
        return super.loadClass(className, resolve);
      }
      synchronized (getClassLoadingLock(className)) {
        Class<?> loaded = findLoadedClass(className);
        return loaded != null ? loaded : defineClass(className, classFile, 0, classFile.length);
      }
    }
  }
}
