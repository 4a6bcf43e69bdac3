package dev.weft.core.instrumentation.internal;

import dev.weft.bootstrap.IndyDispatcher;
import dev.weft.bootstrap.WeftLogger;
import java.io.IOException;
import java.io.InputStream;
import java.lang.instrument.Instrumentation;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.util.Map;
import java.util.Set;
import net.bytebuddy.jar.asm.ClassReader;
import net.bytebuddy.jar.asm.ClassWriter;
import net.bytebuddy.jar.asm.commons.ClassRemapper;
import net.bytebuddy.jar.asm.commons.SimpleRemapper;

/**
 * Puts the invokedynamic dispatcher where every class loader can resolve it: a copy of {@link
 * IndyDispatcher} defined in {@code java.lang} as {@code java.lang.WeftIndyDispatcher}. Class
 * loaders that refuse to delegate {@code dev.weft.bootstrap} (OSGi, JBoss Modules) still delegate
 * {@code java.*}, because only the JDK may define classes there. If the copy cannot be made, the
 * original in {@code dev.weft.bootstrap} is used and only delegating loaders are woven correctly.
 */
final class DispatcherInstaller {

  static final String DISPATCHER_NAME = "java.lang.WeftIndyDispatcher";
  private static final WeftLogger log = WeftLogger.get("agent");

  private DispatcherInstaller() {}

  /** The dispatcher class, wired to {@code linker} and {@code errors}. */
  static Class<?> install(Instrumentation inst, IndyLinker linker, AdviceErrors errors)
      throws ReflectiveOperationException {
    Class<?> dispatcher = defineInJavaLang(inst);
    MethodHandles.Lookup lookup = MethodHandles.privateLookupIn(dispatcher, MethodHandles.lookup());
    MethodHandle link =
        MethodHandles.lookup()
            .findVirtual(
                IndyLinker.class,
                "link",
                java.lang.invoke.MethodType.methodType(
                    java.lang.invoke.CallSite.class,
                    MethodHandles.Lookup.class,
                    String.class,
                    java.lang.invoke.MethodType.class,
                    Object[].class))
            .bindTo(linker);
    MethodHandle record =
        MethodHandles.lookup()
            .findVirtual(
                AdviceErrors.class,
                "record",
                java.lang.invoke.MethodType.methodType(void.class, Throwable.class))
            .bindTo(errors);
    try {
      lookup.findStaticSetter(dispatcher, "linker", MethodHandle.class).invoke(link);
      lookup.findStaticSetter(dispatcher, "suppressedHandler", MethodHandle.class).invoke(record);
    } catch (Throwable t) {
      throw new IllegalStateException("cannot wire " + dispatcher.getName(), t);
    }
    return dispatcher;
  }

  private static Class<?> defineInJavaLang(Instrumentation inst) {
    try {
      return Class.forName(DISPATCHER_NAME, false, null);
    } catch (ClassNotFoundException expected) {
      // Not yet defined in this JVM: the normal case.
    }
    try {
      Module javaBase = Object.class.getModule();
      Module self = DispatcherInstaller.class.getModule();
      inst.redefineModule(
          javaBase, Set.of(), Map.of(), Map.of("java.lang", Set.of(self)), Set.of(), Map.of());
      MethodHandles.Lookup javaLang =
          MethodHandles.privateLookupIn(Object.class, MethodHandles.lookup());
      return javaLang.defineClass(renamedDispatcher());
    } catch (Throwable t) {
      log.debug(
          "Could not define "
              + DISPATCHER_NAME
              + "; class loaders that do not delegate "
              + "dev.weft.bootstrap will not be instrumented",
          t);
      return IndyDispatcher.class;
    }
  }

  private static byte[] renamedDispatcher() throws IOException {
    String original = IndyDispatcher.class.getName().replace('.', '/');
    byte[] bytes;
    try (InputStream in = ClassLoader.getSystemResourceAsStream(original + ".class")) {
      if (in == null) {
        throw new IOException("class file of " + original + " not found");
      }
      bytes = in.readAllBytes();
    }
    ClassReader reader = new ClassReader(bytes);
    ClassWriter writer = new ClassWriter(0);
    reader.accept(
        new ClassRemapper(writer, new SimpleRemapper(original, DISPATCHER_NAME.replace('.', '/'))),
        0);
    return writer.toByteArray();
  }
}
