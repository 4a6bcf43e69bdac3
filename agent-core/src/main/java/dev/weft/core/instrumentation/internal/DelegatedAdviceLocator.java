package dev.weft.core.instrumentation.internal;

import java.io.IOException;
import net.bytebuddy.asm.Advice;
import net.bytebuddy.dynamic.ClassFileLocator;
import net.bytebuddy.jar.asm.AnnotationVisitor;
import net.bytebuddy.jar.asm.ClassReader;
import net.bytebuddy.jar.asm.ClassVisitor;
import net.bytebuddy.jar.asm.ClassWriter;
import net.bytebuddy.jar.asm.MethodVisitor;
import net.bytebuddy.jar.asm.Opcodes;
import net.bytebuddy.jar.asm.Type;

/**
 * Serves one advice class with {@code inline = false} set on its {@code @OnMethodEnter} and
 * {@code @OnMethodExit}, so ByteBuddy calls the advice (through our invokedynamic bootstrap)
 * instead of copying its code. Advice authors write the plain annotations; whether advice is
 * delegated or inlined is the framework's decision ({@code applyAdvice} vs {@code
 * applyInlinedAdvice}).
 */
final class DelegatedAdviceLocator implements ClassFileLocator {

  private static final String ENTER = Type.getDescriptor(Advice.OnMethodEnter.class);
  private static final String EXIT = Type.getDescriptor(Advice.OnMethodExit.class);

  private final ClassFileLocator delegate;
  private final String adviceClass;

  DelegatedAdviceLocator(ClassFileLocator delegate, String adviceClass) {
    this.delegate = delegate;
    this.adviceClass = adviceClass;
  }

  @Override
  public Resolution locate(String name) throws IOException {
    Resolution resolution = delegate.locate(name);
    if (!name.equals(adviceClass) || !resolution.isResolved()) {
      return resolution;
    }
    return new Resolution.Explicit(delegated(resolution.resolve()));
  }

  @Override
  public void close() throws IOException {
    delegate.close();
  }

  static byte[] delegated(byte[] classFile) {
    ClassReader reader = new ClassReader(classFile);
    ClassWriter writer = new ClassWriter(0);
    reader.accept(
        new ClassVisitor(Opcodes.ASM9, writer) {
          @Override
          public MethodVisitor visitMethod(
              int access, String name, String desc, String signature, String[] exceptions) {
            MethodVisitor method = super.visitMethod(access, name, desc, signature, exceptions);
            return new MethodVisitor(Opcodes.ASM9, method) {
              @Override
              public AnnotationVisitor visitAnnotation(String annotation, boolean visible) {
                AnnotationVisitor visitor = super.visitAnnotation(annotation, visible);
                return ENTER.equals(annotation) || EXIT.equals(annotation)
                    ? notInlined(visitor)
                    : visitor;
              }
            };
          }
        },
        0);
    return writer.toByteArray();
  }

  private static AnnotationVisitor notInlined(AnnotationVisitor visitor) {
    return new AnnotationVisitor(Opcodes.ASM9, visitor) {
      @Override
      public void visit(String name, Object value) {
        if (!"inline".equals(name)) {
          super.visit(name, value);
        }
      }

      @Override
      public void visitEnd() {
        super.visit("inline", Boolean.FALSE);
        super.visitEnd();
      }
    };
  }
}
