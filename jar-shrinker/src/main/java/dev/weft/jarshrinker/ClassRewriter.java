package dev.weft.jarshrinker;

import java.util.Map;
import java.util.Set;
import org.objectweb.asm.ClassReader;
import org.objectweb.asm.ClassVisitor;
import org.objectweb.asm.ClassWriter;
import org.objectweb.asm.MethodVisitor;
import org.objectweb.asm.Opcodes;
import org.objectweb.asm.Type;

/**
 * The two edits the shrinker makes to a class it keeps; everything else is copied byte for byte.
 *
 * <ul>
 *   <li>The body of a method that cannot run and names a dropped class is replaced: the verifier
 *       checks every method when it links a class and may load what a body names, so such a body
 *       would break the whole class. The replacement throws the {@link NoClassDefFoundError} the
 *       original would have thrown on reaching the missing class; the declaration and its
 *       annotations stay.
 *   <li>InnerClasses and NestMembers entries naming dropped classes go, so that {@code
 *       getDeclaredClasses()} and {@code getNestMembers()} still answer for the classes that stay.
 * </ul>
 */
final class ClassRewriter {

  private static final String ERROR = "java/lang/NoClassDefFoundError";

  private ClassRewriter() {}

  /**
   * @param missingByMethod for each method to replace (name + descriptor), a dropped class it names
   * @param dropped classes no longer in the jar
   */
  static byte[] rewrite(
      byte[] classFile, Map<String, String> missingByMethod, Set<String> dropped) {
    ClassReader reader = new ClassReader(classFile);
    ClassWriter writer = new ClassWriter(reader, 0);
    reader.accept(
        new ClassVisitor(ClassModel.API, writer) {
          @Override
          public void visitInnerClass(String name, String outerName, String innerName, int access) {
            if (!dropped.contains(name)) {
              super.visitInnerClass(name, outerName, innerName, access);
            }
          }

          @Override
          public void visitNestMember(String nestMember) {
            if (!dropped.contains(nestMember)) {
              super.visitNestMember(nestMember);
            }
          }

          @Override
          public MethodVisitor visitMethod(
              int access, String name, String descriptor, String signature, String[] exceptions) {
            MethodVisitor target =
                super.visitMethod(access, name, descriptor, signature, exceptions);
            String missing = missingByMethod.get(name + descriptor);
            return missing == null ? target : new Stub(target, access, descriptor, missing);
          }
        },
        0);
    return writer.toByteArray();
  }

  private static final class Stub extends MethodVisitor {
    private final MethodVisitor target;
    private final int access;
    private final String descriptor;
    private final String missing;

    Stub(MethodVisitor target, int access, String descriptor, String missing) {
      super(ClassModel.API, target);
      this.target = target;
      this.access = access;
      this.descriptor = descriptor;
      this.missing = missing;
    }

    @Override
    public void visitCode() {
      target.visitCode();
      target.visitTypeInsn(Opcodes.NEW, ERROR);
      target.visitInsn(Opcodes.DUP);
      target.visitLdcInsn(
          missing.replace('/', '.') + " (left out of weft-agent.jar: no reachable code needs it)");
      target.visitMethodInsn(
          Opcodes.INVOKESPECIAL, ERROR, "<init>", "(Ljava/lang/String;)V", false);
      target.visitInsn(Opcodes.ATHROW);
      int locals = Type.getArgumentsAndReturnSizes(descriptor) >> 2; // counts "this"
      if ((access & Opcodes.ACC_STATIC) != 0) {
        locals--;
      }
      target.visitMaxs(3, locals);
      mv = null; // the original body (code, frames, debug tables) is dropped from here on
    }

    @Override
    public void visitEnd() {
      target.visitEnd();
    }
  }
}
