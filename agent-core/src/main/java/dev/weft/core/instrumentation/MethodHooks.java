package dev.weft.core.instrumentation;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * Calls to public static methods of a {@code dev.weft.bootstrap} class, woven into one method with
 * plain ASM: no ByteBuddy, so a JVM whose only woven classes are JDK classes loaded before the
 * agent (the executors) never loads it. For advice simple enough to be a call: at entry, around the
 * whole method (entry value handed to the exit call on every return and throw), at a normal return,
 * at a throw, or in place of a call the method makes.
 *
 * <p>Each hook takes the values it names, in order: {@link Value#self()} and reference arguments as
 * {@code Object}, primitive arguments and {@link Value#returned()} as their own type ({@code
 * returned} may only come first). The hook methods must never throw: they run inside JDK code.
 */
public final class MethodHooks {

  /** A value a hook receives. */
  public static final class Value {
    static final int SELF = -1;
    static final int RETURNED = -2;

    final int index;

    private Value(int index) {
      this.index = index;
    }

    /** The receiver, {@code this}. */
    public static Value self() {
      return new Value(SELF);
    }

    /** The method's argument at {@code index} (0-based). */
    public static Value argument(int index) {
      if (index < 0) {
        throw new IllegalArgumentException("argument index " + index);
      }
      return new Value(index);
    }

    /** What the method returns (at-return hooks only, first value only). */
    public static Value returned() {
      return new Value(RETURNED);
    }

    /** -1 for self, -2 for the returned value, else the argument index. */
    public int index() {
      return index;
    }
  }

  /** One call woven into the method. */
  public static final class Hook {
    /** Where the call goes. */
    public enum Kind {
      ENTER,
      AROUND,
      RETURN,
      THROW,
      REPLACE_CALL
    }

    private final Kind kind;
    private final String owner;
    private final String method;
    private final String exitMethod;
    private final List<Value> values;
    private final String[] call;

    Hook(
        Kind kind,
        String owner,
        String method,
        String exitMethod,
        List<Value> values,
        String[] call) {
      this.kind = kind;
      this.owner = internal(owner);
      this.method = method;
      this.exitMethod = exitMethod;
      this.values = values;
      this.call = call;
    }

    public Kind kind() {
      return kind;
    }

    /** The hook class's internal name. */
    public String owner() {
      return owner;
    }

    /** The hook method (for {@link Kind#AROUND}, the entry one). */
    public String method() {
      return method;
    }

    /** For {@link Kind#AROUND}: the method called at every exit with the entry's result. */
    public String exitMethod() {
      return exitMethod;
    }

    public List<Value> values() {
      return values;
    }

    /** For {@link Kind#REPLACE_CALL}: the replaced call's owner, name and descriptor. */
    public String[] call() {
      return call.clone();
    }
  }

  private final String name;
  private final String parameters;
  private final List<Hook> hooks = new ArrayList<>(2);

  private MethodHooks(String name, String parameters) {
    this.name = name;
    this.parameters = parameters;
  }

  /**
   * The methods called {@code name} whose parameter descriptor is {@code parameters}, such as
   * {@code "(Ljava/lang/Runnable;Z)"} (any return type), or every method of that name when null.
   */
  public static MethodHooks method(String name, String parameters) {
    if (parameters != null && (!parameters.startsWith("(") || !parameters.endsWith(")"))) {
      throw new IllegalArgumentException("not a parameter descriptor: " + parameters);
    }
    return new MethodHooks(name, parameters);
  }

  /** Calls {@code owner.method(values)} first thing in the method. */
  public MethodHooks atEnter(String owner, String method, Value... values) {
    return add(new Hook(Hook.Kind.ENTER, owner, method, null, checked(values, false), null));
  }

  /**
   * Calls {@code owner.enter(values)} first thing, keeps what it returns ({@code Object}), and
   * calls {@code owner.exit(thatValue)} at every return and throw.
   */
  public MethodHooks around(String owner, String enter, Value value, String exit) {
    return add(
        new Hook(Hook.Kind.AROUND, owner, enter, exit, checked(new Value[] {value}, false), null));
  }

  /** Calls {@code owner.method(values)} just before each normal return. */
  public MethodHooks atReturn(String owner, String method, Value... values) {
    return add(new Hook(Hook.Kind.RETURN, owner, method, null, checked(values, true), null));
  }

  /** Calls {@code owner.method(values)} when the method ends by a throw, then rethrows. */
  public MethodHooks atThrow(String owner, String method, Value... values) {
    return add(new Hook(Hook.Kind.THROW, owner, method, null, checked(values, false), null));
  }

  /**
   * Replaces every call the method makes to {@code callOwner.callName callDescriptor} with {@code
   * owner.method}, which takes the receiver (for an instance method) and then the arguments, and
   * returns what the call returns.
   */
  public MethodHooks replaceCall(
      String callOwner, String callName, String callDescriptor, String owner, String method) {
    return add(
        new Hook(
            Hook.Kind.REPLACE_CALL,
            owner,
            method,
            null,
            List.of(),
            new String[] {internal(callOwner), callName, callDescriptor}));
  }

  public String name() {
    return name;
  }

  /** The parameter descriptor, or null for any. */
  public String parameters() {
    return parameters;
  }

  public List<Hook> hooks() {
    return Collections.unmodifiableList(hooks);
  }

  /** Whether these hooks apply to the method {@code methodName methodDescriptor}. */
  public boolean matches(String methodName, String methodDescriptor) {
    return name.equals(methodName)
        && (parameters == null || methodDescriptor.startsWith(parameters));
  }

  @Override
  public String toString() {
    return name + (parameters == null ? "(..)" : parameters);
  }

  private MethodHooks add(Hook hook) {
    if (!hook.owner.startsWith("dev/weft/bootstrap/")) {
      throw new IllegalArgumentException("hooks must live in dev.weft.bootstrap: " + hook.owner);
    }
    hooks.add(hook);
    return this;
  }

  private static List<Value> checked(Value[] values, boolean returnedAllowed) {
    for (int i = 0; i < values.length; i++) {
      if (values[i].index == Value.RETURNED && (!returnedAllowed || i != 0)) {
        throw new IllegalArgumentException("returned() only as the first value of atReturn");
      }
    }
    return List.of(values);
  }

  private static String internal(String className) {
    return className.replace('.', '/');
  }
}
