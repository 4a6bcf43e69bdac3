package dev.weft.smoketest.extension;

import static net.bytebuddy.matcher.ElementMatchers.named;

import dev.weft.core.instrumentation.AdviceTarget;
import dev.weft.core.instrumentation.InstrumentationModule;
import dev.weft.core.instrumentation.TypeInstrumentation;
import dev.weft.core.instrumentation.TypeMatcher;
import java.util.List;
import net.bytebuddy.asm.Advice;

/** Test-only module whose advice always throws: the application must not notice. */
public final class ThrowingModule extends InstrumentationModule {

  public ThrowingModule() {
    super("test-throwing");
  }

  @Override
  public List<TypeInstrumentation> typeInstrumentations() {
    return List.of(new GreeterInstrumentation());
  }

  static final class GreeterInstrumentation implements TypeInstrumentation {
    @Override
    public TypeMatcher typeMatcher() {
      return TypeMatcher.named("dev.weft.smoketest.apps.Greeter");
    }

    @Override
    public void transform(AdviceTarget target) {
      target.applyAdvice(named("greet"), ThrowingModule.class.getName() + "$ThrowAdvice");
    }
  }

  @SuppressWarnings("unused")
  public static final class ThrowAdvice {

    @Advice.OnMethodEnter(suppress = Throwable.class)
    public static Object onEnter(@Advice.Argument(0) String name) {
      throw new IllegalStateException("advice bug on enter for " + name);
    }

    @Advice.OnMethodExit(onThrowable = Throwable.class, suppress = Throwable.class)
    public static void onExit(@Advice.Return String result, @Advice.Thrown Throwable thrown) {
      throw new IllegalStateException("advice bug on exit after " + result);
    }
  }
}
