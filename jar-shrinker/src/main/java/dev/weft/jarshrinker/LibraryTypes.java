package dev.weft.jarshrinker;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URL;
import java.net.URLClassLoader;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import org.objectweb.asm.Opcodes;

/**
 * Types outside the jar being shrunk (the JDK, and the bootstrap classes next to it), read as class
 * files, never loaded. Their instance methods can be called by code the shrinker never sees, so any
 * override of one in the jar is reachable.
 */
final class LibraryTypes {

  private final ClassLoader resources;
  private final Map<String, ClassModel> models = new HashMap<>();
  private final Map<String, Set<String>> callable = new HashMap<>();
  private final Set<String> missing = new HashSet<>();

  LibraryTypes(URL[] libraries) {
    // Class files are resources that no module encapsulates; the platform loader's parent is the
    // boot loader, so the whole JDK is visible.
    this.resources = new URLClassLoader(libraries, ClassLoader.getPlatformClassLoader());
  }

  /** Names and descriptors of the instance methods of {@code type} and its supertypes. */
  Set<String> callableMethods(String type) {
    Set<String> keys = callable.get(type);
    if (keys == null) {
      keys = new HashSet<>();
      ClassModel model = model(type);
      if (model != null) {
        for (ClassModel.Method method : model.methods.values()) {
          if ((method.access & (Opcodes.ACC_STATIC | Opcodes.ACC_PRIVATE)) == 0
              && !method.name.startsWith("<")) {
            keys.add(method.key());
          }
        }
        if (model.superName != null) {
          keys.addAll(callableMethods(model.superName));
        }
        for (String itf : model.interfaces) {
          keys.addAll(callableMethods(itf));
        }
      }
      callable.put(type, keys);
    }
    return keys;
  }

  /** Supertypes asked for that are in no library: their classes can never be loaded. */
  Set<String> missing() {
    return missing;
  }

  private ClassModel model(String type) {
    if (models.containsKey(type)) {
      return models.get(type);
    }
    ClassModel model = null;
    try (InputStream in = resources.getResourceAsStream(type + ".class")) {
      if (in != null) {
        model = ClassModel.read(in.readAllBytes());
      } else {
        missing.add(type);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    models.put(type, model);
    return model;
  }
}
