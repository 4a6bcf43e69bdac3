package dev.weft.core.instrumentation;

import java.io.IOException;
import java.io.InputStream;
import java.util.Arrays;
import java.util.List;
import net.bytebuddy.jar.asm.ClassReader;
import net.bytebuddy.jar.asm.ClassVisitor;
import net.bytebuddy.jar.asm.MethodVisitor;
import net.bytebuddy.jar.asm.Opcodes;

/**
 * A class-loader precondition: is the library version a module was written for visible from this
 * loader? Checked by class and method presence on the class files, without loading any class; the
 * agent caches the answer per class loader. Immutable.
 */
public abstract class LibraryCheck {

  private static final LibraryCheck ALWAYS =
      new LibraryCheck() {
        @Override
        public boolean test(ClassLoader loader) {
          return true;
        }

        @Override
        public String toString() {
          return "always";
        }
      };

  /** True when the library is present for classes defined by {@code loader} (null: bootstrap). */
  public abstract boolean test(ClassLoader loader);

  /** Satisfied everywhere: for JDK libraries. */
  public static LibraryCheck always() {
    return ALWAYS;
  }

  /** All of these classes (binary names) are visible from the loader. */
  public static LibraryCheck classesPresent(String... classNames) {
    List<String> names = Arrays.asList(classNames.clone());
    return new LibraryCheck() {
      @Override
      public boolean test(ClassLoader loader) {
        for (String name : names) {
          if (resource(loader, name) == null) {
            return false;
          }
        }
        return true;
      }

      @Override
      public String toString() {
        return "classesPresent" + names;
      }
    };
  }

  /** Class {@code className} declares a method {@code methodName} (any descriptor). */
  public static LibraryCheck methodPresent(String className, String methodName) {
    return new LibraryCheck() {
      @Override
      public boolean test(ClassLoader loader) {
        return declaresMethod(loader, className, methodName);
      }

      @Override
      public String toString() {
        return "methodPresent[" + className + "#" + methodName + "]";
      }
    };
  }

  /** Both checks hold. */
  public LibraryCheck and(LibraryCheck other) {
    LibraryCheck self = this;
    return new LibraryCheck() {
      @Override
      public boolean test(ClassLoader loader) {
        return self.test(loader) && other.test(loader);
      }

      @Override
      public String toString() {
        return self + " and " + other;
      }
    };
  }

  private static java.net.URL resource(ClassLoader loader, String className) {
    String path = className.replace('.', '/') + ".class";
    return loader == null ? ClassLoader.getSystemResource(path) : loader.getResource(path);
  }

  private static boolean declaresMethod(ClassLoader loader, String className, String methodName) {
    String path = className.replace('.', '/') + ".class";
    try (InputStream in =
        loader == null
            ? ClassLoader.getSystemResourceAsStream(path)
            : loader.getResourceAsStream(path)) {
      if (in == null) {
        return false;
      }
      boolean[] found = new boolean[1];
      new ClassReader(in)
          .accept(
              new ClassVisitor(Opcodes.ASM9) {
                @Override
                public MethodVisitor visitMethod(
                    int access, String name, String desc, String sig, String[] exceptions) {
                  found[0] |= name.equals(methodName);
                  return null;
                }
              },
              ClassReader.SKIP_CODE | ClassReader.SKIP_DEBUG | ClassReader.SKIP_FRAMES);
      return found[0];
    } catch (IOException | RuntimeException e) {
      return false;
    }
  }
}
