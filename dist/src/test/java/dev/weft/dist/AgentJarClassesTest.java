package dev.weft.dist;

import static org.assertj.core.api.Assertions.assertThat;

import dev.weft.bootstrap.AgentClassLoader;
import java.io.File;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import org.junit.jupiter.api.Test;

/**
 * Every class weft-agent.jar ships links in the agent's class loader, so jar-shrinker left out
 * nothing a shipped class needs: linking verifies every method, and reflection resolves every
 * member's types and every listed nested class.
 */
class AgentJarClassesTest {

  @Test
  void everyShippedClassLinks() throws Exception {
    File jarFile = new File(System.getProperty("weft.agent.jar"));
    AgentClassLoader agent = new AgentClassLoader(jarFile, new BootstrapLike());
    List<String> failures = new ArrayList<>();
    int linked = 0;
    try (JarFile jar = new JarFile(jarFile)) {
      for (JarEntry entry : Collections.list(jar.entries())) {
        String name = entry.getName();
        if (!name.startsWith("inst/") || !name.endsWith(".classdata")) {
          continue;
        }
        String className =
            name.substring("inst/".length(), name.length() - ".classdata".length())
                .replace('/', '.');
        try {
          Class<?> type = Class.forName(className, false, agent);
          type.getDeclaredMethods(); // links the class: the verifier checks every method
          type.getDeclaredFields();
          type.getDeclaredConstructors();
          type.getDeclaredClasses();
          linked++;
        } catch (NoClassDefFoundError e) {
          // Instrumentation classes name the library they instrument (found in the application's
          // loader at run time), and gRPC's OkHttp API names OkHttp 2 (an optional dependency).
          if (e.getMessage() == null || e.getMessage().startsWith("dev/weft/")) {
            failures.add(className + ": " + e);
          }
        } catch (LinkageError e) {
          failures.add(className + ": " + e);
        }
      }
    }
    assertThat(failures).isEmpty();
    assertThat(linked).isGreaterThan(1000);
  }

  /** The bootstrap class path as the agent loader sees it: dev.weft.bootstrap, and the JDK. */
  private static final class BootstrapLike extends ClassLoader {
    BootstrapLike() {
      super("bootstrap-like", ClassLoader.getPlatformClassLoader());
    }

    @Override
    protected Class<?> loadClass(String name, boolean resolve) throws ClassNotFoundException {
      if (name.startsWith("dev.weft.bootstrap.")) {
        return AgentJarClassesTest.class.getClassLoader().loadClass(name);
      }
      return super.loadClass(name, resolve);
    }
  }
}
