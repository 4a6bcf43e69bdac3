package dev.weft.core.instrumentation.internal;

import java.io.ByteArrayInputStream;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.net.MalformedURLException;
import java.net.URL;
import java.util.Collections;
import java.util.Enumeration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import net.bytebuddy.jar.asm.ClassReader;
import net.bytebuddy.jar.asm.ClassWriter;
import net.bytebuddy.jar.asm.commons.ClassRemapper;
import net.bytebuddy.jar.asm.commons.Remapper;

/**
 * Loads one extension jar ({@code otel.javaagent.extensions}): a jar of instrumentation modules
 * compiled against agent-core and plain ByteBuddy. Its class files are rewritten on the way in so
 * that references to a third-party class the agent ships relocated (ByteBuddy's annotations, for
 * one) point at the agent's relocated copy under {@code dev.weft.shaded}.
 */
final class ExtensionClassLoader extends ClassLoader {

  static {
    registerAsParallelCapable();
  }

  private static final String SHADED = "dev/weft/shaded/";

  private final JarFile jar;
  private final String jarUrl;
  private final ClassLoader agent;
  private final Map<String, Boolean> relocated = new ConcurrentHashMap<>();
  private final Remapper remapper =
      new Remapper() {
        @Override
        public String map(String internalName) {
          return isRelocated(internalName) ? SHADED + internalName : internalName;
        }
      };

  ExtensionClassLoader(File file, ClassLoader agent) throws IOException {
    super("weft-extension", agent);
    this.jar = new JarFile(file, false);
    this.jarUrl = "jar:" + file.toURI().toURL() + "!/";
    this.agent = agent;
  }

  @Override
  protected Class<?> findClass(String name) throws ClassNotFoundException {
    byte[] bytes = remappedClassFile(name.replace('.', '/') + ".class");
    if (bytes == null) {
      throw new ClassNotFoundException(name);
    }
    return defineClass(name, bytes, 0, bytes.length);
  }

  @Override
  public InputStream getResourceAsStream(String name) {
    if (name.endsWith(".class")) {
      byte[] bytes = remappedClassFile(name);
      if (bytes != null) {
        return new ByteArrayInputStream(bytes);
      }
    }
    return super.getResourceAsStream(name);
  }

  @Override
  protected URL findResource(String name) {
    if (jar.getJarEntry(name) == null) {
      return null;
    }
    try {
      return new URL(jarUrl + name);
    } catch (MalformedURLException e) {
      return null;
    }
  }

  @Override
  protected Enumeration<URL> findResources(String name) {
    URL url = findResource(name);
    return url == null
        ? Collections.emptyEnumeration()
        : Collections.enumeration(Collections.singleton(url));
  }

  private byte[] remappedClassFile(String path) {
    JarEntry entry = jar.getJarEntry(path);
    if (entry == null) {
      return null;
    }
    try (InputStream in = jar.getInputStream(entry)) {
      ClassReader reader = new ClassReader(in);
      ClassWriter writer = new ClassWriter(0);
      reader.accept(new ClassRemapper(writer, remapper), 0);
      return writer.toByteArray();
    } catch (IOException e) {
      return null;
    }
  }

  private boolean isRelocated(String internalName) {
    if (internalName.startsWith("dev/weft/") || internalName.startsWith("java/")) {
      return false;
    }
    int slash = internalName.lastIndexOf('/');
    String pkg = slash < 0 ? "" : internalName.substring(0, slash);
    return relocated.computeIfAbsent(
        pkg, p -> agent.getResource(SHADED + internalName + ".class") != null);
  }

  @Override
  public String toString() {
    return "ExtensionClassLoader[" + jar.getName() + "]";
  }
}
