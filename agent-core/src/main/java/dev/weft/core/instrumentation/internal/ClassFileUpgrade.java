package dev.weft.core.instrumentation.internal;

import net.bytebuddy.description.type.TypeDescription;
import net.bytebuddy.jar.asm.ClassReader;
import net.bytebuddy.jar.asm.ClassVisitor;
import net.bytebuddy.jar.asm.ClassWriter;
import net.bytebuddy.jar.asm.Opcodes;
import net.bytebuddy.pool.TypePool;

/**
 * Rewrites a class file older than Java 7 as a Java 7 one, with stack map frames computed, so that
 * delegated advice (an {@code invokedynamic} call site) can be woven into it. Libraries still built
 * for Java 5 or 6 need it: Logback 1.2, for one. Frames need the common super class of two types;
 * it is found through the type pool, never by loading classes.
 */
final class ClassFileUpgrade {

  private ClassFileUpgrade() {}

  /** The upgraded class file; throws if it cannot be rewritten (JSR/RET, unresolvable types). */
  static byte[] toJava7(byte[] classFile, TypePool pool) {
    ClassReader reader = new ClassReader(classFile);
    ClassWriter writer = new PoolClassWriter(pool);
    reader.accept(
        new ClassVisitor(Opcodes.ASM9, writer) {
          @Override
          public void visit(
              int version,
              int access,
              String name,
              String signature,
              String superName,
              String[] interfaces) {
            super.visit(Opcodes.V1_7, access, name, signature, superName, interfaces);
          }
        },
        ClassReader.SKIP_FRAMES);
    return writer.toByteArray();
  }

  private static final class PoolClassWriter extends ClassWriter {
    private final TypePool pool;

    PoolClassWriter(TypePool pool) {
      super(ClassWriter.COMPUTE_FRAMES);
      this.pool = pool;
    }

    @Override
    protected String getCommonSuperClass(String first, String second) {
      TypeDescription a = pool.describe(first.replace('/', '.')).resolve();
      TypeDescription b = pool.describe(second.replace('/', '.')).resolve();
      if (a.isAssignableFrom(b)) {
        return first;
      }
      if (b.isAssignableFrom(a)) {
        return second;
      }
      if (a.isInterface() || b.isInterface()) {
        return "java/lang/Object";
      }
      TypeDescription common = a;
      do {
        common = common.getSuperClass().asErasure();
      } while (!common.isAssignableFrom(b));
      return common.getInternalName();
    }
  }
}
