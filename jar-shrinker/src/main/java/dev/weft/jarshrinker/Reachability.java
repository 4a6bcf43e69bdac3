package dev.weft.jarshrinker;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Which classes of a jar can ever be needed, and which methods can ever run, from a set of roots.
 * Conservative by construction: a virtual call reaches every method of that name and descriptor in
 * any needed class; anything a library type (the JDK) may call back is reachable; a class named by
 * a string or a class literal in reachable code has every member reachable; a string that is a Java
 * identifier makes every method of that name reachable (reflective lookups).
 *
 * <p>A class is <em>needed</em> when reachable code or a needed class's shape names it. Methods of
 * a needed class that cannot run may still name classes that are not needed: {@link ClassRewriter}
 * replaces those bodies, since the verifier would otherwise load what they name.
 */
final class Reachability {

  private static final Set<String> SERIALIZATION_HOOKS =
      Set.of(
          "readObject",
          "writeObject",
          "readResolve",
          "writeReplace",
          "readObjectNoData",
          "$deserializeLambda$");

  private final Map<String, ClassModel> classes;
  private final LibraryTypes library;
  private final Map<String, List<ClassModel.Method>> methodsByKey = new HashMap<>();
  private final Map<String, List<ClassModel.Method>> methodsByName = new HashMap<>();

  private final Map<String, String> needed = new HashMap<>(); // class -> why (first referrer)
  private final Set<ClassModel.Method> reached = new HashSet<>();
  private final Set<String> whole = new HashSet<>();
  private final Set<String> virtualCalls = new HashSet<>();
  private final Set<String> lookedUpNames = new HashSet<>();
  private final Set<String> optional = new HashSet<>();
  private final Set<String> optionalLookedUp = new HashSet<>();
  private final Map<String, List<String>> services = new HashMap<>();
  private final Deque<Runnable> work = new ArrayDeque<>();

  Reachability(Map<String, ClassModel> classes, LibraryTypes library) {
    this.classes = classes;
    this.library = library;
    for (ClassModel model : classes.values()) {
      for (ClassModel.Method method : model.methods.values()) {
        methodsByKey.computeIfAbsent(method.key(), k -> new ArrayList<>()).add(method);
        methodsByName.computeIfAbsent(method.name, k -> new ArrayList<>()).add(method);
      }
    }
  }

  /** A root: the class ships and every one of its methods can run. */
  void keepWhole(String type, String why) {
    if (!classes.containsKey(type) || !whole.add(type)) {
      return;
    }
    need(type, why);
    for (ClassModel.Method method : classes.get(type).methods.values()) {
      reach(method, why);
    }
  }

  /** A root that code outside the jar may also call: its instance methods are call sites too. */
  void keepApi(String type, String why) {
    keepWhole(type, why);
    for (ClassModel.Method method : classes.get(type).methods.values()) {
      if (!method.isStatic() && !method.name.startsWith("<")) {
        virtualCall(method.key(), why);
      }
    }
  }

  /**
   * A class that code looks up by name and does without when it is absent: such a lookup does not
   * make it needed (other references still do).
   */
  void optional(String type) {
    optional.add(type);
  }

  /** A service file: its providers are roots once the service type itself is needed. */
  void service(String serviceType, List<String> providers) {
    services.put(serviceType, providers);
  }

  void run() {
    boolean more = true;
    while (more) {
      while (!work.isEmpty()) {
        work.poll().run();
      }
      more = false;
      for (Map.Entry<String, List<String>> service : services.entrySet()) {
        // A service type outside the jar could be asked for by anything: its providers are roots.
        if (needed.containsKey(service.getKey()) || !classes.containsKey(service.getKey())) {
          for (String provider : service.getValue()) {
            if (!whole.contains(provider)) {
              keepWhole(provider, "provider of " + service.getKey());
              more = true;
            }
          }
        }
      }
    }
  }

  boolean isNeeded(String type) {
    return needed.containsKey(type);
  }

  String whyNeeded(String type) {
    return needed.get(type);
  }

  boolean isReached(ClassModel.Method method) {
    return reached.contains(method);
  }

  int reachedMethods() {
    return reached.size();
  }

  /** The optional classes that reachable code does look up by name. */
  Set<String> optionalLookedUp() {
    return optionalLookedUp;
  }

  private void need(String type, String why) {
    if (classes.containsKey(type) && !needed.containsKey(type)) {
      needed.put(type, why);
      work.add(() -> onNeeded(classes.get(type)));
    }
  }

  private void onNeeded(ClassModel model) {
    for (String type : model.shapeTypes) {
      need(type, model.name);
    }
    for (String string : model.shapeStrings) {
      lookUp(string, model.name);
    }
    Set<String> libraryCallable = libraryCallable(model);
    for (ClassModel.Method method : model.methods.values()) {
      if (method.name.equals("<clinit>")
          || model.isAnnotation() // annotation proxies call its methods reflectively
          || SERIALIZATION_HOOKS.contains(method.name)
          || (model.isEnum() && (method.name.equals("values") || method.name.equals("valueOf")))
          || lookedUpNames.contains(method.name)
          || (!method.isStatic()
              && !method.name.equals("<init>")
              && (virtualCalls.contains(method.key()) || libraryCallable.contains(method.key())))) {
        reach(method, model.name);
      }
    }
  }

  private void reach(ClassModel.Method method, String why) {
    if (reached.add(method)) {
      need(method.owner, why);
      work.add(() -> onReached(method));
    }
  }

  private void onReached(ClassModel.Method method) {
    String at = method.owner + "." + method.name;
    for (String type : method.types) {
      need(type, at);
    }
    for (String type : method.classLiterals) {
      keepWhole(type, at + " (class literal)");
    }
    for (String string : method.strings) {
      lookUp(string, at);
    }
    for (ClassModel.Call call : method.calls) {
      ClassModel.Method target = resolve(call.owner(), call.name() + call.descriptor());
      if (target != null) {
        reach(target, at);
      }
      if (call.virtual()) {
        virtualCall(call.name() + call.descriptor(), at);
      }
    }
  }

  private void virtualCall(String key, String why) {
    if (virtualCalls.add(key)) {
      for (ClassModel.Method method : methodsByKey.getOrDefault(key, List.of())) {
        if (!method.isStatic() && needed.containsKey(method.owner)) {
          reach(method, why);
        }
      }
    }
  }

  private void lookUp(String string, String why) {
    String type = string.replace('.', '/');
    if (classes.containsKey(type)) {
      if (optional.contains(type)) {
        optionalLookedUp.add(type);
      } else {
        keepWhole(type, why + " (by name)");
      }
    }
    if (isIdentifier(string) && lookedUpNames.add(string)) {
      for (ClassModel.Method method : methodsByName.getOrDefault(string, List.of())) {
        if (needed.containsKey(method.owner)) {
          reach(method, why + " (by name)");
        }
      }
    }
  }

  /** The declaration a call binds to: up the superclasses, then the superinterfaces. */
  private ClassModel.Method resolve(String owner, String key) {
    Deque<String> queue = new ArrayDeque<>();
    Set<String> seen = new HashSet<>();
    queue.add(owner);
    while (!queue.isEmpty()) {
      ClassModel model = classes.get(queue.poll());
      if (model == null || !seen.add(model.name)) {
        continue;
      }
      ClassModel.Method method = model.methods.get(key);
      if (method != null) {
        return method;
      }
      if (model.superName != null) {
        queue.addFirst(model.superName);
      }
      queue.addAll(Arrays.asList(model.interfaces));
    }
    return null;
  }

  /** Instance methods of the library supertypes: the JDK may call the jar's overrides. */
  private Set<String> libraryCallable(ClassModel model) {
    Set<String> keys = new HashSet<>();
    Deque<String> queue = new ArrayDeque<>();
    Set<String> seen = new HashSet<>();
    queue.add(model.superName == null ? "java/lang/Object" : model.superName);
    queue.addAll(Arrays.asList(model.interfaces));
    queue.add("java/lang/Object"); // interfaces too: toString, equals, hashCode
    while (!queue.isEmpty()) {
      String type = queue.poll();
      if (!seen.add(type)) {
        continue;
      }
      ClassModel inJar = classes.get(type);
      if (inJar == null) {
        keys.addAll(library.callableMethods(type));
      } else {
        if (inJar.superName != null) {
          queue.add(inJar.superName);
        }
        queue.addAll(Arrays.asList(inJar.interfaces));
      }
    }
    return keys;
  }

  static boolean isIdentifier(String string) {
    if (string.isEmpty() || !Character.isJavaIdentifierStart(string.charAt(0))) {
      return false;
    }
    for (int i = 1; i < string.length(); i++) {
      if (!Character.isJavaIdentifierPart(string.charAt(i))) {
        return false;
      }
    }
    return true;
  }
}
