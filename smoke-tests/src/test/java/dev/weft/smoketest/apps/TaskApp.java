package dev.weft.smoketest.apps;

import java.io.IOException;
import java.io.InputStream;

/**
 * Runs a task defined normally and one defined by a class loader that refuses to delegate anything
 * but {@code java.*}, as OSGi and JBoss Modules loaders do.
 */
public final class TaskApp {

  public static void main(String[] args) throws Exception {
    new ConcreteTask().run();
    ClassLoader isolated = new NonDelegatingLoader(TaskApp.class.getClassLoader());
    Runnable task =
        (Runnable) isolated.loadClass(IsolatedTask.class.getName()).getConstructor().newInstance();
    if (task.getClass().getClassLoader() != isolated) {
      throw new AssertionError("the isolated task must be defined by the isolated loader");
    }
    task.run();
    System.out.println("done");
  }

  /** Defines this app's classes itself and resolves nothing but java.* elsewhere. */
  static final class NonDelegatingLoader extends ClassLoader {
    private final ClassLoader source;

    NonDelegatingLoader(ClassLoader source) {
      super("isolated", null);
      this.source = source;
    }

    @Override
    protected Class<?> loadClass(String name, boolean resolve) throws ClassNotFoundException {
      synchronized (getClassLoadingLock(name)) {
        Class<?> type = findLoadedClass(name);
        if (type != null) {
          return type;
        }
        if (name.startsWith("java.")) {
          return Class.forName(name, false, null);
        }
        if (!name.startsWith("dev.weft.smoketest.apps.")) {
          throw new ClassNotFoundException(name + " (this loader does not delegate)");
        }
        try (InputStream in = source.getResourceAsStream(name.replace('.', '/') + ".class")) {
          if (in == null) {
            throw new ClassNotFoundException(name);
          }
          byte[] bytes = in.readAllBytes();
          return defineClass(name, bytes, 0, bytes.length);
        } catch (IOException e) {
          throw new ClassNotFoundException(name, e);
        }
      }
    }

    @Override
    protected java.net.URL findResource(String name) {
      // Like an OSGi bundle, it serves its own class files as resources.
      return name.startsWith("dev/weft/smoketest/apps/") ? source.getResource(name) : null;
    }
  }
}
