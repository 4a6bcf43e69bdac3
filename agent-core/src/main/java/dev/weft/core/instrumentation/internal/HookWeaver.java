package dev.weft.core.instrumentation.internal;

import dev.weft.bootstrap.WeftLogger;
import dev.weft.core.instrumentation.MethodHooks;
import dev.weft.core.instrumentation.MethodHooks.Hook;
import dev.weft.core.instrumentation.MethodHooks.Value;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import net.bytebuddy.jar.asm.ClassReader;
import net.bytebuddy.jar.asm.ClassVisitor;
import net.bytebuddy.jar.asm.ClassWriter;
import net.bytebuddy.jar.asm.Label;
import net.bytebuddy.jar.asm.MethodVisitor;
import net.bytebuddy.jar.asm.Opcodes;
import net.bytebuddy.jar.asm.Type;

/**
 * Weaves {@link MethodHooks} into a class file with ASM alone (ByteBuddy's repackaged copy, a few
 * dozen classes): the start-up path for JDK classes retransformed at premain, where loading and
 * running ByteBuddy cost more than everything else the agent does.
 *
 * <p>An around hook keeps its entry value in a new local after the method's own, and a handler
 * covering the whole original body calls the exit hook and rethrows. Frames are read expanded and
 * written with that local appended, so nothing is recomputed and no class is loaded to weave.
 */
final class HookWeaver {

  private static final String OBJECT = "java/lang/Object";
  private static final String THROWABLE = "java/lang/Throwable";
  private static final Map<String, Set<String>> HOOK_METHODS = new ConcurrentHashMap<>();

  private HookWeaver() {}

  /** The woven class file, or null when no method matched. */
  static byte[] weave(byte[] classFile, List<MethodHooks> hooks) {
    ClassReader reader = new ClassReader(classFile);
    Map<String, Integer> maxLocals = maxLocals(reader, hooks);
    if (maxLocals.isEmpty()) {
      return null;
    }
    ClassWriter writer = new ClassWriter(reader, 0);
    reader.accept(
        new ClassVisitor(Opcodes.ASM9, writer) {
          private String owner;

          @Override
          public void visit(
              int version,
              int access,
              String name,
              String signature,
              String superName,
              String[] interfaces) {
            owner = name;
            super.visit(version, access, name, signature, superName, interfaces);
          }

          @Override
          public MethodVisitor visitMethod(
              int access, String name, String descriptor, String signature, String[] exceptions) {
            MethodVisitor visitor =
                super.visitMethod(access, name, descriptor, signature, exceptions);
            Integer locals = maxLocals.get(name + descriptor);
            if (locals == null) {
              return visitor;
            }
            return new HookedMethod(
                visitor, owner, access, descriptor, matching(hooks, name, descriptor), locals);
          }
        },
        ClassReader.EXPAND_FRAMES);
    return writer.toByteArray();
  }

  /** max_locals of every concrete method some hook matches, by name and descriptor. */
  private static Map<String, Integer> maxLocals(ClassReader reader, List<MethodHooks> hooks) {
    Map<String, Integer> result = new HashMap<>();
    reader.accept(
        new ClassVisitor(Opcodes.ASM9) {
          @Override
          public MethodVisitor visitMethod(
              int access, String name, String descriptor, String signature, String[] exceptions) {
            if ((access & (Opcodes.ACC_ABSTRACT | Opcodes.ACC_NATIVE)) != 0
                || matching(hooks, name, descriptor).isEmpty()) {
              return null;
            }
            return new MethodVisitor(Opcodes.ASM9) {
              @Override
              public void visitMaxs(int maxStack, int locals) {
                result.put(name + descriptor, locals);
              }
            };
          }
        },
        ClassReader.SKIP_DEBUG | ClassReader.SKIP_FRAMES);
    return result;
  }

  /**
   * Fails the weave (the class stays as it was) unless {@code owner} has a public static {@code
   * name descriptor}: a call to a missing hook would throw NoSuchMethodError inside the JDK.
   */
  static void requireHook(String owner, String name, String descriptor) {
    Set<String> methods = HOOK_METHODS.get(owner);
    if (methods == null) {
      methods = new HashSet<>();
      try {
        // The loader of dev.weft.bootstrap: the bootstrap loader in the agent, the class path in
        // tests.
        Class<?> type =
            Class.forName(owner.replace('/', '.'), false, WeftLogger.class.getClassLoader());
        for (Method method : type.getDeclaredMethods()) {
          int modifiers = method.getModifiers();
          if (Modifier.isStatic(modifiers) && Modifier.isPublic(modifiers)) {
            methods.add(method.getName() + Type.getMethodDescriptor(method));
          }
        }
      } catch (ClassNotFoundException e) {
        throw new IllegalArgumentException("no hook class " + owner, e);
      }
      HOOK_METHODS.put(owner, methods);
    }
    if (!methods.contains(name + descriptor)) {
      throw new IllegalArgumentException(
          "no public static hook " + owner + "." + name + descriptor);
    }
  }

  private static List<Hook> matching(List<MethodHooks> all, String name, String descriptor) {
    List<Hook> result = new ArrayList<>(0);
    for (MethodHooks hooks : all) {
      if (hooks.matches(name, descriptor)) {
        result.addAll(hooks.hooks());
      }
    }
    return result;
  }

  /** One hooked method, rewritten as it streams through. */
  private static final class HookedMethod extends MethodVisitor {
    private final String owner;
    private final boolean isStatic;
    private final Type[] arguments;
    private final Type returnType;
    private final List<Hook> hooks;
    private final int aroundSlot; // the new local holding the around hook's entry value
    private final Hook around;
    private final boolean handler;
    private final Label bodyStart = new Label();
    private final Label bodyEnd = new Label();
    private final Label handlerStart = new Label();

    HookedMethod(
        MethodVisitor next,
        String owner,
        int access,
        String descriptor,
        List<Hook> hooks,
        int maxLocals) {
      super(Opcodes.ASM9, next);
      this.owner = owner;
      this.isStatic = (access & Opcodes.ACC_STATIC) != 0;
      this.arguments = Type.getArgumentTypes(descriptor);
      this.returnType = Type.getReturnType(descriptor);
      this.hooks = hooks;
      this.aroundSlot = maxLocals;
      Hook found = null;
      boolean throwHooks = false;
      for (Hook hook : hooks) {
        if (hook.kind() == Hook.Kind.AROUND) {
          if (found != null) {
            throw new IllegalArgumentException("two around hooks on one method");
          }
          found = hook;
        }
        throwHooks |= hook.kind() == Hook.Kind.THROW;
      }
      this.around = found;
      this.handler = found != null || throwHooks;
    }

    @Override
    public void visitCode() {
      super.visitCode();
      for (Hook hook : hooks) {
        if (hook.kind() == Hook.Kind.ENTER) {
          call(hook, hook.method(), Type.VOID_TYPE);
        }
      }
      if (around != null) {
        call(around, around.method(), Type.getObjectType(OBJECT));
        super.visitVarInsn(Opcodes.ASTORE, aroundSlot);
      }
      if (handler) {
        super.visitLabel(bodyStart);
      }
    }

    @Override
    public void visitInsn(int opcode) {
      if (opcode >= Opcodes.IRETURN && opcode <= Opcodes.RETURN) {
        for (Hook hook : hooks) {
          if (hook.kind() == Hook.Kind.RETURN) {
            if (!hook.values().isEmpty() && hook.values().get(0).index() == -2) {
              super.visitInsn(returnType.getSize() == 2 ? Opcodes.DUP2 : Opcodes.DUP);
            }
            call(hook, hook.method(), Type.VOID_TYPE);
          }
        }
        if (around != null) {
          exitAround();
        }
      }
      super.visitInsn(opcode);
    }

    @Override
    public void visitMethodInsn(
        int opcode, String callOwner, String name, String descriptor, boolean isInterface) {
      for (Hook hook : hooks) {
        if (hook.kind() == Hook.Kind.REPLACE_CALL && opcode != Opcodes.INVOKESTATIC) {
          String[] call = hook.call();
          if (call[0].equals(callOwner) && call[1].equals(name) && call[2].equals(descriptor)) {
            String replaced = "(L" + callOwner + ";" + descriptor.substring(1);
            requireHook(hook.owner(), hook.method(), replaced);
            super.visitMethodInsn(
                Opcodes.INVOKESTATIC, hook.owner(), hook.method(), replaced, false);
            return;
          }
        }
      }
      super.visitMethodInsn(opcode, callOwner, name, descriptor, isInterface);
    }

    @Override
    public void visitFrame(int type, int numLocal, Object[] local, int numStack, Object[] stack) {
      if (around == null) {
        super.visitFrame(type, numLocal, local, numStack, stack);
        return;
      }
      // Expanded frames (F_NEW) list every local: append the entry value's slot to each.
      Object[] locals = withAroundSlot(local, numLocal);
      super.visitFrame(type, locals.length, locals, numStack, stack);
    }

    @Override
    public void visitMaxs(int maxStack, int maxLocals) {
      if (handler) {
        super.visitLabel(bodyEnd);
        super.visitLabel(handlerStart);
        Object[] parameters = parameterFrame();
        Object[] locals =
            around == null ? parameters : withAroundSlot(parameters, parameters.length);
        super.visitFrame(Opcodes.F_NEW, locals.length, locals, 1, new Object[] {THROWABLE});
        for (Hook hook : hooks) {
          if (hook.kind() == Hook.Kind.THROW) {
            call(hook, hook.method(), Type.VOID_TYPE);
          }
        }
        if (around != null) {
          exitAround();
        }
        super.visitInsn(Opcodes.ATHROW);
        // Registered last, so every handler of the method's own comes first.
        super.visitTryCatchBlock(bodyStart, bodyEnd, handlerStart, null);
      }
      // Hooks push at most a dup'ed return value (2), the receiver and two arguments.
      super.visitMaxs(maxStack + 5, around != null ? maxLocals + 1 : maxLocals);
    }

    private void exitAround() {
      super.visitVarInsn(Opcodes.ALOAD, aroundSlot);
      super.visitMethodInsn(
          Opcodes.INVOKESTATIC,
          around.owner(),
          around.exitMethod(),
          "(Ljava/lang/Object;)V",
          false);
    }

    /** Pushes the hook's values (all but a returned one, already on the stack) and calls it. */
    private void call(Hook hook, String method, Type result) {
      List<Value> values = hook.values();
      Type[] parameterTypes = new Type[values.size()];
      for (int i = 0; i < values.size(); i++) {
        int index = values.get(i).index();
        if (index == -2) {
          parameterTypes[i] = isReference(returnType) ? Type.getObjectType(OBJECT) : returnType;
          continue;
        }
        if (index == -1) {
          if (isStatic) {
            throw new IllegalArgumentException("self() in a static method");
          }
          super.visitVarInsn(Opcodes.ALOAD, 0);
          parameterTypes[i] = Type.getObjectType(OBJECT);
          continue;
        }
        if (index >= arguments.length) {
          throw new IllegalArgumentException("no argument " + index);
        }
        Type type = arguments[index];
        super.visitVarInsn(type.getOpcode(Opcodes.ILOAD), slotOf(index));
        parameterTypes[i] = isReference(type) ? Type.getObjectType(OBJECT) : type;
      }
      String descriptor = Type.getMethodDescriptor(result, parameterTypes);
      requireHook(hook.owner(), method, descriptor);
      super.visitMethodInsn(Opcodes.INVOKESTATIC, hook.owner(), method, descriptor, false);
    }

    private int slotOf(int argument) {
      int slot = isStatic ? 0 : 1;
      for (int i = 0; i < argument; i++) {
        slot += arguments[i].getSize();
      }
      return slot;
    }

    /** The locals at entry, as a frame lists them: the receiver, then each parameter. */
    private Object[] parameterFrame() {
      List<Object> locals = new ArrayList<>(arguments.length + 1);
      if (!isStatic) {
        locals.add(owner);
      }
      for (Type type : arguments) {
        switch (type.getSort()) {
          case Type.BOOLEAN:
          case Type.BYTE:
          case Type.CHAR:
          case Type.SHORT:
          case Type.INT:
            locals.add(Opcodes.INTEGER);
            break;
          case Type.FLOAT:
            locals.add(Opcodes.FLOAT);
            break;
          case Type.LONG:
            locals.add(Opcodes.LONG);
            break;
          case Type.DOUBLE:
            locals.add(Opcodes.DOUBLE);
            break;
          case Type.ARRAY:
            locals.add(type.getDescriptor());
            break;
          default:
            locals.add(type.getInternalName());
        }
      }
      return locals.toArray();
    }

    /** {@code local} padded with TOP up to the around slot, then the entry value (an Object). */
    private Object[] withAroundSlot(Object[] local, int numLocal) {
      List<Object> locals = new ArrayList<>(numLocal + 4);
      int slots = 0;
      for (int i = 0; i < numLocal; i++) {
        locals.add(local[i]);
        slots += Opcodes.LONG.equals(local[i]) || Opcodes.DOUBLE.equals(local[i]) ? 2 : 1;
      }
      if (slots > aroundSlot) {
        throw new IllegalStateException("a frame uses slots past max_locals");
      }
      for (; slots < aroundSlot; slots++) {
        locals.add(Opcodes.TOP);
      }
      locals.add(OBJECT);
      return locals.toArray();
    }

    private static boolean isReference(Type type) {
      return type.getSort() == Type.OBJECT || type.getSort() == Type.ARRAY;
    }
  }
}
