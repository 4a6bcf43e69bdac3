package dev.weft.core.instrumentation.internal;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.lang.ref.WeakReference;
import java.net.URL;
import java.util.List;

/**
 * Loads one module's advice and helper classes for one application class loader.
 *
 * <p>It defines the module's own classes itself (read from the module's class files), resolves
 * {@code dev.weft.bootstrap} through the bootstrap loader, the rest of Weft and its shaded
 * dependencies through the agent class loader, and everything else (the library, the JDK) through
 * the application's loader. So advice sees the application's version of the library and Weft's own
 * types, while the application sees none of Weft's. The application loader is held weakly: the
 * woven classes keep this loader alive, and this loader must not keep the application's alive.
 */
final class InstrumentationClassLoader extends ClassLoader {

  static {
    registerAsParallelCapable();
  }

  private final ModuleEntry module;
  private final List<String> modulePackages;
  private final WeakReference<ClassLoader> application;
  private final boolean applicationIsBoot;
  private final ClassLoader agent;

  InstrumentationClassLoader(ModuleEntry module, ClassLoader application, ClassLoader agent) {
    super("weft-" + module.module().names().get(0), null);
    this.module = module;
    this.modulePackages = module.module().modulePackages();
    this.application = new WeakReference<>(application);
    this.applicationIsBoot = application == null;
    this.agent = agent;
  }

  @Override
  protected Class<?> loadClass(String name, boolean resolve) throws ClassNotFoundException {
    synchronized (getClassLoadingLock(name)) {
      Class<?> type = findLoadedClass(name);
      if (type == null) {
        type = load(name);
      }
      if (resolve) {
        resolveClass(type);
      }
      return type;
    }
  }

  private Class<?> load(String name) throws ClassNotFoundException {
    if (isModuleClass(name)) {
      byte[] bytes = moduleClassFile(name);
      if (bytes != null) {
        return defineClass(name, bytes, 0, bytes.length);
      }
    }
    if (name.startsWith("dev.weft.bootstrap.")) {
      return Class.forName(name, false, null);
    }
    if (name.startsWith("dev.weft.")) {
      return agent.loadClass(name);
    }
    if (applicationIsBoot) {
      return Class.forName(name, false, null);
    }
    ClassLoader app = application.get();
    if (app == null) {
      throw new ClassNotFoundException(name + " (application class loader was collected)");
    }
    return app.loadClass(name);
  }

  private boolean isModuleClass(String name) {
    for (String pkg : modulePackages) {
      if (name.startsWith(pkg)) {
        return true;
      }
    }
    return false;
  }

  private byte[] moduleClassFile(String name) throws ClassNotFoundException {
    String path = name.replace('.', '/') + ".class";
    try (InputStream in = module.classFiles().getResourceAsStream(path)) {
      if (in == null) {
        return null;
      }
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      byte[] buffer = new byte[8192];
      for (int n; (n = in.read(buffer)) > 0; ) {
        out.write(buffer, 0, n);
      }
      return out.toByteArray();
    } catch (IOException e) {
      throw new ClassNotFoundException(name, e);
    }
  }

  @Override
  public URL getResource(String name) {
    ClassLoader app = application.get();
    return applicationIsBoot || app == null
        ? ClassLoader.getSystemResource(name)
        : app.getResource(name);
  }

  @Override
  public String toString() {
    return "InstrumentationClassLoader[" + module + " for " + application.get() + "]";
  }
}
