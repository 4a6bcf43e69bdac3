package dev.weft.jarshrinker;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.objectweb.asm.AnnotationVisitor;
import org.objectweb.asm.ClassReader;
import org.objectweb.asm.ClassVisitor;
import org.objectweb.asm.FieldVisitor;
import org.objectweb.asm.MethodVisitor;
import org.objectweb.asm.Opcodes;
import org.objectweb.asm.RecordComponentVisitor;
import org.objectweb.asm.Type;
import org.objectweb.asm.TypePath;
import org.objectweb.asm.signature.SignatureReader;
import org.objectweb.asm.signature.SignatureVisitor;

/**
 * What the shrinker needs of one class file: the types its shape names, and what each method body
 * names, calls and looks up. Names are internal names ({@code a/b/C$D}).
 */
final class ClassModel {

  static final int API = Opcodes.ASM9;

  /** A call site or a method handle; virtual ones dispatch on the receiver's class. */
  record Call(boolean virtual, String owner, String name, String descriptor) {}

  /** One method: its body's references, or none for abstract and native methods. */
  static final class Method {
    final String owner;
    final String name;
    final String descriptor;
    final int access;

    /** Every type the body names: the verifier and resolution may load any of them. */
    final Set<String> types = new HashSet<>();

    /** Class literals ({@code Foo.class}): reflection may reach any member of these. */
    final Set<String> classLiterals = new HashSet<>();

    /** String constants: class names for {@code Class.forName}, member names for lookups. */
    final Set<String> strings = new HashSet<>();

    final List<Call> calls = new ArrayList<>();

    Method(String owner, String name, String descriptor, int access) {
      this.owner = owner;
      this.name = name;
      this.descriptor = descriptor;
      this.access = access;
    }

    String key() {
      return name + descriptor;
    }

    boolean isStatic() {
      return (access & Opcodes.ACC_STATIC) != 0;
    }

    @Override
    public String toString() {
      return owner + "." + name + descriptor;
    }
  }

  String name;
  int access;
  String superName;
  String[] interfaces;

  /**
   * Types the class's shape names: supertypes, every member's descriptor, signature and
   * annotations, its outer class, nest host and enclosing class. Loading or reflecting on the class
   * resolves these, so they ship with it whether or not any of its methods run.
   */
  final Set<String> shapeTypes = new HashSet<>();

  /** Strings in runtime-visible annotations (other annotations never reach run time). */
  final Set<String> shapeStrings = new HashSet<>();

  final Map<String, Method> methods = new LinkedHashMap<>();

  /** Nested classes listed in InnerClasses and NestMembers, other than this one. */
  final Set<String> listedNestedClasses = new HashSet<>();

  private ClassModel() {}

  static ClassModel read(byte[] classFile) {
    ClassModel model = new ClassModel();
    new ClassReader(classFile).accept(model.new Reader(), 0);
    return model;
  }

  boolean isInterface() {
    return (access & Opcodes.ACC_INTERFACE) != 0;
  }

  boolean isAnnotation() {
    return (access & Opcodes.ACC_ANNOTATION) != 0;
  }

  boolean isEnum() {
    return (access & Opcodes.ACC_ENUM) != 0;
  }

  static void addName(Set<String> out, String internalName) {
    if (internalName == null) {
      return;
    }
    if (internalName.startsWith("[")) {
      addType(out, Type.getType(internalName));
    } else {
      out.add(internalName);
    }
  }

  static void addType(Set<String> out, Type type) {
    switch (type.getSort()) {
      case Type.ARRAY -> addType(out, type.getElementType());
      case Type.OBJECT -> out.add(type.getInternalName());
      case Type.METHOD -> {
        for (Type argument : type.getArgumentTypes()) {
          addType(out, argument);
        }
        addType(out, type.getReturnType());
      }
      default -> {}
    }
  }

  static void addDescriptor(Set<String> out, String descriptor) {
    if (descriptor != null) {
      addType(out, Type.getType(descriptor));
    }
  }

  static void addSignature(Set<String> out, String signature) {
    if (signature == null) {
      return;
    }
    new SignatureReader(signature)
        .accept(
            new SignatureVisitor(API) {
              @Override
              public void visitClassType(String name) {
                addName(out, name);
              }
            });
  }

  /** Collects an annotation's types; its strings only if the annotation exists at run time. */
  static AnnotationVisitor annotation(Set<String> types, Set<String> strings, String descriptor) {
    addDescriptor(types, descriptor);
    return new AnnotationVisitor(API) {
      @Override
      public void visit(String name, Object value) {
        if (value instanceof Type type) {
          addType(types, type);
        } else if (value instanceof String string && strings != null) {
          strings.add(string);
        }
      }

      @Override
      public void visitEnum(String name, String enumDescriptor, String value) {
        addDescriptor(types, enumDescriptor);
      }

      @Override
      public AnnotationVisitor visitAnnotation(String name, String nestedDescriptor) {
        return annotation(types, strings, nestedDescriptor);
      }

      @Override
      public AnnotationVisitor visitArray(String name) {
        return this;
      }
    };
  }

  private final class Reader extends ClassVisitor {
    Reader() {
      super(API);
    }

    private AnnotationVisitor shapeAnnotation(String descriptor, boolean visible) {
      return annotation(shapeTypes, visible ? shapeStrings : null, descriptor);
    }

    @Override
    public void visit(
        int version,
        int access,
        String name,
        String signature,
        String superName,
        String[] interfaces) {
      ClassModel.this.name = name;
      ClassModel.this.access = access;
      ClassModel.this.superName = superName;
      ClassModel.this.interfaces = interfaces == null ? new String[0] : interfaces;
      addSignature(shapeTypes, signature);
      addName(shapeTypes, superName);
      for (String itf : ClassModel.this.interfaces) {
        addName(shapeTypes, itf);
      }
    }

    @Override
    public void visitOuterClass(String owner, String name, String descriptor) {
      addName(shapeTypes, owner); // getEnclosingClass, getSimpleName load it
    }

    @Override
    public void visitNestHost(String nestHost) {
      addName(shapeTypes, nestHost); // loaded by private access between nest mates
    }

    @Override
    public void visitPermittedSubclass(String permittedSubclass) {
      addName(shapeTypes, permittedSubclass);
    }

    @Override
    public void visitInnerClass(String name, String outerName, String innerName, int access) {
      // Only this class's own entry counts: its declaring class is loaded by reflection. Entries
      // for its member classes are not references (the JVM loads none of them), and any other
      // nested class listed here is also named where it is actually used.
      if (name.equals(ClassModel.this.name)) {
        addName(shapeTypes, outerName);
      } else {
        listedNestedClasses.add(name);
      }
    }

    @Override
    public void visitNestMember(String nestMember) {
      listedNestedClasses.add(nestMember); // checked by name, loaded only when itself in use
    }

    @Override
    public AnnotationVisitor visitAnnotation(String descriptor, boolean visible) {
      return shapeAnnotation(descriptor, visible);
    }

    @Override
    public AnnotationVisitor visitTypeAnnotation(
        int typeRef, TypePath typePath, String descriptor, boolean visible) {
      return shapeAnnotation(descriptor, visible);
    }

    @Override
    public RecordComponentVisitor visitRecordComponent(
        String name, String descriptor, String signature) {
      addDescriptor(shapeTypes, descriptor);
      addSignature(shapeTypes, signature);
      return new RecordComponentVisitor(API) {
        @Override
        public AnnotationVisitor visitAnnotation(String annotation, boolean visible) {
          return shapeAnnotation(annotation, visible);
        }

        @Override
        public AnnotationVisitor visitTypeAnnotation(
            int typeRef, TypePath typePath, String annotation, boolean visible) {
          return shapeAnnotation(annotation, visible);
        }
      };
    }

    @Override
    public FieldVisitor visitField(
        int access, String name, String descriptor, String signature, Object value) {
      // A constant value is inlined (ldc) wherever it is used, so it is no reference here.
      addDescriptor(shapeTypes, descriptor);
      addSignature(shapeTypes, signature);
      return new FieldVisitor(API) {
        @Override
        public AnnotationVisitor visitAnnotation(String annotation, boolean visible) {
          return shapeAnnotation(annotation, visible);
        }

        @Override
        public AnnotationVisitor visitTypeAnnotation(
            int typeRef, TypePath typePath, String annotation, boolean visible) {
          return shapeAnnotation(annotation, visible);
        }
      };
    }

    @Override
    public MethodVisitor visitMethod(
        int access, String name, String descriptor, String signature, String[] exceptions) {
      addDescriptor(shapeTypes, descriptor);
      addSignature(shapeTypes, signature);
      if (exceptions != null) {
        for (String exception : exceptions) {
          addName(shapeTypes, exception);
        }
      }
      Method method = new Method(ClassModel.this.name, name, descriptor, access);
      methods.put(method.key(), method);
      return new BodyReader(ClassModel.this, method);
    }
  }
}
