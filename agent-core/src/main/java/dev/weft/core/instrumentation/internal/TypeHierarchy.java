package dev.weft.core.instrumentation.internal;

import java.io.IOException;
import java.io.InputStream;
import java.util.Map;
import java.util.WeakHashMap;
import java.util.concurrent.ConcurrentHashMap;
import net.bytebuddy.jar.asm.ClassReader;

/**
 * Answers "which super-type roots does this class reach?" from class file headers alone: the super
 * class and interface names that {@link ClassReader} reads from the constant pool, followed through
 * the class loader's resources. No class is loaded and no ByteBuddy type is described.
 *
 * <p>Results are cached per class loader (weakly) and per name, each cache bounded: a subclass is
 * usually transformed before its super class is loaded, so the super class's header is read once
 * for the subclass and found in the cache when its own turn comes.
 */
final class TypeHierarchy {

  private static final int MAX_DEPTH = 64;
  private static final int MAX_ENTRIES_PER_LOADER = 20_000;
  private static final String OBJECT = "java/lang/Object";

  private final MatchIndex index;
  private final Object lock = new Object();
  // @GuardedBy("lock")
  private final Map<ClassLoader, Map<String, Long>> byLoader = new WeakHashMap<>();

  /** JDK types resolve identically from every loader. */
  private final Map<String, Long> jdk = new ConcurrentHashMap<>();

  private final Map<String, Long> boot = new ConcurrentHashMap<>();

  TypeHierarchy(MatchIndex index) {
    this.index = index;
  }

  /** Roots reached by the class whose bytes are being defined. */
  long reach(ClassLoader loader, String internalName, byte[] classFile) {
    ClassReader reader = new ClassReader(classFile);
    return index.rootBit(internalName) | reachOfSupers(loader, reader, 0);
  }

  /** Roots reached by an already loaded class. */
  long reach(Class<?> type) {
    long mask = index.rootBit(MatchIndex.internal(type.getName()));
    Class<?> superClass = type.getSuperclass();
    if (superClass != null) {
      mask |= reach(superClass);
    }
    for (Class<?> iface : type.getInterfaces()) {
      mask |= reach(iface);
    }
    return mask;
  }

  private long reachOfSupers(ClassLoader loader, ClassReader reader, int depth) {
    long mask = 0;
    String superName = reader.getSuperName();
    if (superName != null) {
      mask |= reachOf(loader, superName, depth + 1);
    }
    for (String iface : reader.getInterfaces()) {
      mask |= reachOf(loader, iface, depth + 1);
    }
    return mask;
  }

  private long reachOf(ClassLoader loader, String internalName, int depth) {
    if (OBJECT.equals(internalName) || depth > MAX_DEPTH) {
      return 0;
    }
    Map<String, Long> cache = cacheFor(loader, internalName);
    Long cached = cache.get(internalName);
    if (cached != null) {
      return cached;
    }
    long mask = index.rootBit(internalName);
    ClassReader reader = read(internalName.startsWith("java/") ? null : loader, internalName);
    if (reader != null) {
      mask |= reachOfSupers(loader, reader, depth);
    }
    if (cache.size() >= MAX_ENTRIES_PER_LOADER) {
      cache.clear();
    }
    cache.put(internalName, mask);
    return mask;
  }

  private Map<String, Long> cacheFor(ClassLoader loader, String internalName) {
    if (internalName.startsWith("java/")) {
      return jdk;
    }
    if (loader == null) {
      return boot;
    }
    synchronized (lock) {
      return byLoader.computeIfAbsent(loader, k -> new ConcurrentHashMap<>());
    }
  }

  private static ClassReader read(ClassLoader loader, String internalName) {
    String path = internalName + ".class";
    try (InputStream in =
        loader == null
            ? ClassLoader.getSystemResourceAsStream(path)
            : loader.getResourceAsStream(path)) {
      return in == null ? null : new ClassReader(in);
    } catch (IOException | RuntimeException e) {
      // Unreadable or from a newer JDK than our ASM: treat as reaching no root.
      return null;
    }
  }
}
