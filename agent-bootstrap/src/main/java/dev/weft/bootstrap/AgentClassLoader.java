package dev.weft.bootstrap;

import java.io.ByteArrayOutputStream;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.net.MalformedURLException;
import java.net.URL;
import java.security.CodeSource;
import java.security.ProtectionDomain;
import java.security.cert.Certificate;
import java.util.Collections;
import java.util.Enumeration;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;

/**
 * Loads agent-core, the SDK, the instrumentations and every shaded dependency from the jar's {@code
 * inst/} folder, where classes are stored as {@code .classdata} so that no other class loader can
 * ever find them.
 *
 * <p>A resource named {@code a/B.class} maps to {@code inst/a/B.classdata}; any other resource
 * {@code r} maps to {@code inst/r}. Thread-safe (parallel capable).
 */
public final class AgentClassLoader extends ClassLoader {

  static {
    registerAsParallelCapable();
  }

  private static final String PREFIX = "inst/";

  private final JarFile jar;
  private final String jarUrl;
  private final ProtectionDomain domain;

  /**
   * @param parent the platform loader when running as an agent (so {@code java.sql} and friends
   *     resolve); the system loader when run with {@code java -jar}
   */
  public AgentClassLoader(File jarFile, ClassLoader parent) throws IOException {
    super("weft", parent);
    this.jar = new JarFile(jarFile, false);
    URL location = jarFile.toURI().toURL();
    this.jarUrl = "jar:" + location + "!/";
    this.domain =
        new ProtectionDomain(new CodeSource(location, (Certificate[]) null), null, this, null);
  }

  /** The bytes of class {@code binaryName} as stored in the jar, or null if there is none. */
  public byte[] classBytes(String binaryName) throws IOException {
    JarEntry entry = jar.getJarEntry(PREFIX + binaryName.replace('.', '/') + ".classdata");
    if (entry == null) {
      return null;
    }
    try (InputStream in = jar.getInputStream(entry)) {
      return readAll(in, (int) entry.getSize());
    }
  }

  @Override
  protected Class<?> findClass(String name) throws ClassNotFoundException {
    byte[] bytes;
    try {
      bytes = classBytes(name);
    } catch (IOException e) {
      throw new ClassNotFoundException(name, e);
    }
    if (bytes == null) {
      throw new ClassNotFoundException(name);
    }
    int dot = name.lastIndexOf('.');
    if (dot > 0) {
      String pkg = name.substring(0, dot);
      if (getDefinedPackage(pkg) == null) {
        try {
          definePackage(pkg, null, null, null, null, null, null, null);
        } catch (IllegalArgumentException raced) {
          // Another thread defined it first: fine.
        }
      }
    }
    return defineClass(name, bytes, 0, bytes.length, domain);
  }

  @Override
  protected URL findResource(String name) {
    String entryName = entryName(name);
    if (jar.getJarEntry(entryName) == null) {
      return null;
    }
    try {
      return new URL(jarUrl + entryName);
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

  @Override
  public InputStream getResourceAsStream(String name) {
    // Straight from the jar: no URL round trip, which ByteBuddy's class file lookups make often.
    JarEntry entry = jar.getJarEntry(entryName(name));
    if (entry == null) {
      return super.getResourceAsStream(name);
    }
    try {
      return jar.getInputStream(entry);
    } catch (IOException e) {
      return null;
    }
  }

  private static String entryName(String resource) {
    String path = resource.startsWith("/") ? resource.substring(1) : resource;
    if (path.endsWith(".class")) {
      return PREFIX + path.substring(0, path.length() - ".class".length()) + ".classdata";
    }
    return PREFIX + path;
  }

  private static byte[] readAll(InputStream in, int sizeHint) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream(sizeHint > 0 ? sizeHint : 4096);
    byte[] buffer = new byte[8192];
    for (int n; (n = in.read(buffer)) > 0; ) {
      out.write(buffer, 0, n);
    }
    return out.toByteArray();
  }

  @Override
  public String toString() {
    return "AgentClassLoader[" + jar.getName() + "]";
  }
}
