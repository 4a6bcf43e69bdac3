package dev.weft.jarshrinker;

import static dev.weft.jarshrinker.ClassModel.addDescriptor;
import static dev.weft.jarshrinker.ClassModel.addName;
import static dev.weft.jarshrinker.ClassModel.addType;
import static dev.weft.jarshrinker.ClassModel.annotation;

import java.util.Set;
import org.objectweb.asm.AnnotationVisitor;
import org.objectweb.asm.ConstantDynamic;
import org.objectweb.asm.Handle;
import org.objectweb.asm.Label;
import org.objectweb.asm.MethodVisitor;
import org.objectweb.asm.Opcodes;
import org.objectweb.asm.Type;
import org.objectweb.asm.TypePath;

/** Reads one method: its annotations into the class's shape, its body into the method. */
final class BodyReader extends MethodVisitor {
  private final ClassModel model;
  private final ClassModel.Method method;
  private final Set<String> types;

  BodyReader(ClassModel model, ClassModel.Method method) {
    super(ClassModel.API);
    this.model = model;
    this.method = method;
    this.types = method.types;
  }

  @Override
  public AnnotationVisitor visitAnnotationDefault() {
    return annotation(model.shapeTypes, model.shapeStrings, null);
  }

  @Override
  public AnnotationVisitor visitAnnotation(String descriptor, boolean visible) {
    return annotation(model.shapeTypes, visible ? model.shapeStrings : null, descriptor);
  }

  @Override
  public AnnotationVisitor visitTypeAnnotation(
      int typeRef, TypePath typePath, String descriptor, boolean visible) {
    return annotation(model.shapeTypes, visible ? model.shapeStrings : null, descriptor);
  }

  @Override
  public AnnotationVisitor visitParameterAnnotation(
      int parameter, String descriptor, boolean visible) {
    return annotation(model.shapeTypes, visible ? model.shapeStrings : null, descriptor);
  }

  @Override
  public AnnotationVisitor visitInsnAnnotation(
      int typeRef, TypePath typePath, String descriptor, boolean visible) {
    return annotation(types, null, descriptor);
  }

  @Override
  public AnnotationVisitor visitTryCatchAnnotation(
      int typeRef, TypePath typePath, String descriptor, boolean visible) {
    return annotation(types, null, descriptor);
  }

  @Override
  public AnnotationVisitor visitLocalVariableAnnotation(
      int typeRef,
      TypePath typePath,
      Label[] start,
      Label[] end,
      int[] index,
      String descriptor,
      boolean visible) {
    return annotation(types, null, descriptor);
  }

  @Override
  public void visitFrame(int type, int numLocal, Object[] local, int numStack, Object[] stack) {
    frameTypes(local, numLocal);
    frameTypes(stack, numStack);
  }

  private void frameTypes(Object[] entries, int count) {
    for (int i = 0; entries != null && i < count; i++) {
      if (entries[i] instanceof String type) {
        addName(types, type);
      }
    }
  }

  @Override
  public void visitTypeInsn(int opcode, String type) {
    addName(types, type);
  }

  @Override
  public void visitFieldInsn(int opcode, String owner, String name, String descriptor) {
    addName(types, owner);
    addDescriptor(types, descriptor);
  }

  @Override
  public void visitMethodInsn(
      int opcode, String owner, String name, String descriptor, boolean isInterface) {
    addName(types, owner);
    addDescriptor(types, descriptor);
    if (!owner.startsWith("[")) { // clone() on an array
      boolean virtual = opcode == Opcodes.INVOKEVIRTUAL || opcode == Opcodes.INVOKEINTERFACE;
      method.calls.add(new ClassModel.Call(virtual, owner, name, descriptor));
    }
  }

  @Override
  public void visitInvokeDynamicInsn(
      String name, String descriptor, Handle bootstrap, Object... arguments) {
    addDescriptor(types, descriptor);
    handle(bootstrap);
    for (Object argument : arguments) {
      constant(argument);
    }
  }

  @Override
  public void visitLdcInsn(Object value) {
    constant(value);
    if (value instanceof Type type && type.getSort() == Type.OBJECT) {
      method.classLiterals.add(type.getInternalName());
    }
  }

  @Override
  public void visitMultiANewArrayInsn(String descriptor, int numDimensions) {
    addDescriptor(types, descriptor);
  }

  @Override
  public void visitTryCatchBlock(Label start, Label end, Label handler, String type) {
    addName(types, type);
  }

  // Local variable tables are debug information: nothing loads their types.

  private void constant(Object value) {
    if (value instanceof Type type) {
      addType(types, type);
    } else if (value instanceof Handle handle) {
      handle(handle);
    } else if (value instanceof ConstantDynamic dynamic) {
      addDescriptor(types, dynamic.getDescriptor());
      handle(dynamic.getBootstrapMethod());
      for (int i = 0; i < dynamic.getBootstrapMethodArgumentCount(); i++) {
        constant(dynamic.getBootstrapMethodArgument(i));
      }
    } else if (value instanceof String string) {
      method.strings.add(string);
    }
  }

  /** A method handle (lambda bodies, method references) is a call that may happen later. */
  private void handle(Handle handle) {
    addName(types, handle.getOwner());
    addDescriptor(types, handle.getDesc());
    int tag = handle.getTag();
    if (tag >= Opcodes.H_INVOKEVIRTUAL) {
      boolean virtual = tag == Opcodes.H_INVOKEVIRTUAL || tag == Opcodes.H_INVOKEINTERFACE;
      method.calls.add(
          new ClassModel.Call(virtual, handle.getOwner(), handle.getName(), handle.getDesc()));
    }
  }
}
