package dev.weft.core.instrumentation.internal;

import dev.weft.bootstrap.WeftLogger;
import dev.weft.core.instrumentation.AdviceTarget;
import dev.weft.core.instrumentation.MethodHooks;
import java.lang.instrument.Instrumentation;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import net.bytebuddy.ByteBuddy;
import net.bytebuddy.ClassFileVersion;
import net.bytebuddy.asm.Advice;
import net.bytebuddy.asm.AsmVisitorWrapper;
import net.bytebuddy.asm.MemberSubstitution;
import net.bytebuddy.description.method.MethodDescription;
import net.bytebuddy.description.type.TypeDescription;
import net.bytebuddy.dynamic.ClassFileLocator;
import net.bytebuddy.dynamic.DynamicType;
import net.bytebuddy.dynamic.scaffold.TypeValidation;
import net.bytebuddy.implementation.Implementation;
import net.bytebuddy.implementation.bytecode.member.MethodInvocation;
import net.bytebuddy.matcher.ElementMatcher;
import net.bytebuddy.matcher.ElementMatchers;
import net.bytebuddy.pool.TypePool;
import net.bytebuddy.utility.JavaConstant;

/**
 * Weaves advice into one class file with ByteBuddy. Advice is dispatched through {@code
 * invokedynamic} to {@code WeftIndyDispatcher.bootstrap}, with every reference type in the call
 * site erased to {@code Object}, so the woven class refers to nothing but {@code java.*}; errors in
 * advice are suppressed and handed to {@code WeftIndyDispatcher.suppressed}.
 */
final class Weaver {

  private static final WeftLogger log = WeftLogger.get("transformer");

  private final Instrumentation inst;
  private final ByteBuddy byteBuddy;
  private final MethodDescription.InDefinedShape bootstrapMethod;
  private final Advice.ExceptionHandler suppressedHandler;

  Weaver(Instrumentation inst, Class<?> dispatcher) {
    this.inst = inst;
    // Retransformation forbids new members, so nothing may add fields or methods.
    this.byteBuddy =
        new ByteBuddy()
            .with(TypeValidation.DISABLED)
            .with(Implementation.Context.Disabled.Factory.INSTANCE);
    TypeDescription dispatcherType = TypeDescription.ForLoadedType.of(dispatcher);
    this.bootstrapMethod =
        dispatcherType.getDeclaredMethods().filter(ElementMatchers.named("bootstrap")).getOnly();
    this.suppressedHandler =
        new Advice.ExceptionHandler.Simple(
            MethodInvocation.invoke(
                dispatcherType
                    .getDeclaredMethods()
                    .filter(ElementMatchers.named("suppressed"))
                    .getOnly()));
  }

  /** The woven class file, or null to leave the class unchanged. */
  byte[] weave(
      Module javaModule,
      ClassLoader loader,
      String internalName,
      byte[] classFile,
      List<Candidate> matched) {
    String binaryName = internalName.replace('/', '.');
    if (ClassFileVersion.ofClassFile(classFile).isLessThan(ClassFileVersion.JAVA_V7)) {
      // invokedynamic needs class files of Java 7 or later: rewrite older ones as Java 7 first.
      classFile = upgraded(binaryName, classFile, loader);
      if (classFile == null) {
        return null;
      }
    }
    ClassFileLocator locator =
        new ClassFileLocator.Compound(
            ClassFileLocator.Simple.of(binaryName, classFile),
            ClassFileLocator.ForClassLoader.of(loader));
    TypePool pool = pool(locator);
    TypeDescription type = pool.describe(binaryName).resolve();
    DynamicType.Builder<?> builder = byteBuddy.decorate(type, locator);
    boolean inlined = false;
    for (Candidate candidate : matched) {
      Collector collector = new Collector();
      candidate.instrumentation.transform(collector);
      for (Applied applied : collector.applied) {
        builder = builder.visit(advice(candidate.module, applied, loader).on(applied.methods));
        inlined |= applied.inline;
      }
      for (Replaced replaced : collector.replaced) {
        builder = builder.visit(substitution(replaced));
        inlined = true;
      }
      if (log.isDebug()) {
        log.debug("Transforming " + binaryName + " (" + loader + ") with " + candidate);
      }
    }
    if (inlined) {
      BootstrapReads.ensure(inst, javaModule);
    }
    return builder.make(pool).getBytes();
  }

  private static byte[] upgraded(String binaryName, byte[] classFile, ClassLoader loader) {
    try {
      byte[] java7 =
          ClassFileUpgrade.toJava7(
              classFile,
              pool(
                  new ClassFileLocator.Compound(
                      ClassFileLocator.Simple.of(binaryName, classFile),
                      ClassFileLocator.ForClassLoader.of(loader))));
      if (log.isDebug()) {
        log.debug("Rewrote " + binaryName + " as a Java 7 class file to weave it");
      }
      return java7;
    } catch (RuntimeException e) {
      log.debug("Not transforming " + binaryName + ": class file older than Java 7 (" + e + ")");
      return null;
    }
  }

  private Advice advice(ModuleEntry module, Applied applied, ClassLoader appLoader) {
    // The advice's own signature may name library types: resolve them through the application.
    ClassFileLocator adviceFiles =
        new ClassFileLocator.Compound(
            ClassFileLocator.ForClassLoader.of(module.classFiles()),
            ClassFileLocator.ForClassLoader.of(appLoader));
    if (!applied.inline) {
      adviceFiles = new DelegatedAdviceLocator(adviceFiles, applied.adviceClass);
    }
    TypeDescription adviceType = pool(adviceFiles).describe(applied.adviceClass).resolve();
    // @Advice.AssignReturned lets enter advice replace an argument (an immutable request carrying
    // injected headers) without @Argument(readOnly = false), which delegated advice cannot use.
    // A failed assignment goes to the same suppressed-error handler as the advice itself.
    Advice.WithCustomMapping mapping =
        Advice.withCustomMapping()
            .with(new Advice.AssignReturned.Factory().withSuppressed(Throwable.class));
    if (!applied.inline) {
      mapping =
          mapping.bootstrap(
              bootstrapMethod,
              new LinkArguments(module.id()),
              TypeDescription.Generic.Visitor.Generalizing.INSTANCE);
    }
    return mapping.to(adviceType, adviceFiles).withExceptionHandler(suppressedHandler);
  }

  private static AsmVisitorWrapper substitution(Replaced replaced) {
    if (!replaced.replacementClass.startsWith("dev.weft.bootstrap.")) {
      throw new IllegalArgumentException(
          "call replacements must live in dev.weft.bootstrap: " + replaced.replacementClass);
    }
    Class<?> owner;
    try {
      // The loader of dev.weft.bootstrap: the bootstrap loader in the agent, the class path in
      // tests.
      owner = Class.forName(replaced.replacementClass, false, WeftLogger.class.getClassLoader());
    } catch (ClassNotFoundException e) {
      throw new IllegalArgumentException("no such class " + replaced.replacementClass, e);
    }
    MethodDescription target =
        TypeDescription.ForLoadedType.of(owner)
            .getDeclaredMethods()
            .filter(
                ElementMatchers.named(replaced.replacement)
                    .and(ElementMatchers.isStatic())
                    .and(ElementMatchers.isPublic()))
            .getOnly();
    return MemberSubstitution.relaxed()
        .method(replaced.calls)
        .replaceWith(target)
        .on(replaced.inMethods);
  }

  private static TypePool pool(ClassFileLocator locator) {
    return new TypePool.Default.WithLazyResolution(
        new TypePool.CacheProvider.Simple(), locator, TypePool.Default.ReaderMode.FAST);
  }

  /** The static arguments of each call site: which module, advice class and method to link. */
  private static final class LinkArguments implements Advice.BootstrapArgumentResolver.Factory {
    private final String moduleId;

    LinkArguments(String moduleId) {
      this.moduleId = moduleId;
    }

    @Override
    public Advice.BootstrapArgumentResolver resolve(
        MethodDescription.InDefinedShape adviceMethod, boolean exit) {
      List<JavaConstant> constants = new ArrayList<>(4);
      constants.add(JavaConstant.Simple.ofLoaded(moduleId));
      constants.add(JavaConstant.Simple.ofLoaded(adviceMethod.getDeclaringType().getName()));
      constants.add(JavaConstant.Simple.ofLoaded(adviceMethod.getInternalName()));
      constants.add(JavaConstant.Simple.ofLoaded(adviceMethod.getDescriptor()));
      List<JavaConstant> fixed = Collections.unmodifiableList(constants);
      return (instrumentedType, instrumentedMethod) -> fixed;
    }
  }

  /** What one type instrumentation asked for. */
  private static final class Applied {
    final ElementMatcher<? super MethodDescription> methods;
    final String adviceClass;
    final boolean inline;

    Applied(ElementMatcher<? super MethodDescription> methods, String adviceClass, boolean inline) {
      this.methods = methods;
      this.adviceClass = adviceClass;
      this.inline = inline;
    }
  }

  /** One call replacement a type instrumentation asked for. */
  private static final class Replaced {
    final ElementMatcher<? super MethodDescription> inMethods;
    final ElementMatcher<? super MethodDescription> calls;
    final String replacementClass;
    final String replacement;

    Replaced(
        ElementMatcher<? super MethodDescription> inMethods,
        ElementMatcher<? super MethodDescription> calls,
        String replacementClass,
        String replacement) {
      this.inMethods = inMethods;
      this.calls = calls;
      this.replacementClass = replacementClass;
      this.replacement = replacement;
    }
  }

  private static final class Collector implements AdviceTarget {
    final List<Applied> applied = new ArrayList<>(2);
    final List<Replaced> replaced = new ArrayList<>(0);

    @Override
    public void replaceCalls(
        ElementMatcher<? super MethodDescription> inMethods,
        ElementMatcher<? super MethodDescription> calls,
        String replacementClass,
        String replacement) {
      replaced.add(new Replaced(inMethods, calls, replacementClass, replacement));
    }

    @Override
    public void applyAdvice(ElementMatcher<? super MethodDescription> methods, String advice) {
      applied.add(new Applied(methods, advice, false));
    }

    @Override
    public void applyInlinedAdvice(
        ElementMatcher<? super MethodDescription> methods, String advice) {
      applied.add(new Applied(methods, advice, true));
    }

    @Override
    public void applyHooks(MethodHooks hooks) {
      // Woven before ByteBuddy runs, by HookWeaver.
    }
  }
}
