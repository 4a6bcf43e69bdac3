package dev.weft.core.instrumentation.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URL;
import java.net.URLClassLoader;
import java.util.List;
import org.junit.jupiter.api.Test;

/** What the transformer never touches, before any matching. */
class IgnoreRulesTest {

  @Test
  void exactNamesAndPrefixPatternsAreExcluded() {
    IgnoreRules rules =
        new IgnoreRules(List.of("com.acme.Secret", "com.acme.gen.*", "org.x*"), List.of());

    assertThat(rules.isExcluded("com/acme/Secret")).isTrue();
    assertThat(rules.isExcluded("com/acme/Secret$Inner")).isFalse();
    assertThat(rules.isExcluded("com/acme/SecretSauce")).isFalse();
    assertThat(rules.isExcluded("com/acme/gen/Foo")).isTrue();
    assertThat(rules.isExcluded("com/acme/gen/deep/Bar")).isTrue();
    assertThat(rules.isExcluded("com/acme/General")).isFalse();
    assertThat(rules.isExcluded("org/xyz/A")).isTrue();
  }

  @Test
  void platformWeftAndGeneratedClassesAreNeverMatchedBySuperType() {
    IgnoreRules rules = new IgnoreRules(List.of(), List.of());

    assertThat(rules.skipsHierarchy("java/util/ArrayList")).isTrue();
    assertThat(rules.skipsHierarchy("jdk/internal/net/http/HttpClientImpl")).isTrue();
    assertThat(rules.skipsHierarchy("dev/weft/core/AgentInstaller")).isTrue();
    assertThat(rules.skipsHierarchy("dev/weft/shaded/net/bytebuddy/ByteBuddy")).isTrue();
    assertThat(rules.skipsHierarchy("com/acme/Foo$$Lambda$1")).isTrue();
    // Applications may live under dev.weft too (the smoke tests' apps do).
    assertThat(rules.skipsHierarchy("dev/weft/smoketest/apps/Task")).isFalse();
    assertThat(rules.skipsHierarchy("javax/servlet/http/HttpServlet")).isFalse();
  }

  @Test
  void weftsOwnAndExcludedClassLoadersAreIgnored() throws Exception {
    IgnoreRules rules = new IgnoreRules(List.of(), List.of(Custom.class.getName()));

    try (Custom custom = new Custom();
        URLClassLoader plain = new URLClassLoader(new URL[0])) {
      assertThat(rules.ignoresLoader(custom)).isTrue();
      assertThat(rules.ignoresLoader(plain)).isFalse();
    }
    assertThat(rules.ignoresLoader(null)).isFalse();
    assertThat(rules.ignoresLoader(getClass().getClassLoader())).isFalse();
  }

  static final class Custom extends URLClassLoader {
    Custom() {
      super(new URL[0]);
    }
  }
}
