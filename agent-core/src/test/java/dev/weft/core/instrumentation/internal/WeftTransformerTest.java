package dev.weft.core.instrumentation.internal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.weft.core.instrumentation.AdviceTarget;
import dev.weft.core.instrumentation.InstrumentationModule;
import dev.weft.core.instrumentation.LibraryCheck;
import dev.weft.core.instrumentation.TypeInstrumentation;
import dev.weft.core.instrumentation.TypeMatcher;
import dev.weft.fixtures.Leaf;
import dev.weft.fixtures.Mid;
import dev.weft.fixtures.NamedOnly;
import dev.weft.fixtures.Root;
import dev.weft.fixtures.Unrelated;
import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** The pre-filter: names first, super-types from raw class bytes, ignore rules, library gates. */
class WeftTransformerTest {

  private static final String PKG = "dev.weft.fixtures.";

  @Test
  void matchesByExactNameAndTransitiveSuperType() throws IOException {
    WeftTransformer transformer = transformer(LibraryCheck.always(), List.of());
    assertThat(match(transformer, Leaf.class)).containsExactly("hierarchy");
    assertThat(match(transformer, Mid.class)).containsExactly("hierarchy");
    assertThat(match(transformer, Root.class)).containsExactly("hierarchy");
    assertThat(match(transformer, NamedOnly.class)).containsExactly("named");
    assertThat(match(transformer, Unrelated.class)).isEmpty();
  }

  @Test
  void loadedClassesAreMatchedTheSameWay() {
    WeftTransformer transformer = transformer(LibraryCheck.always(), List.of());
    assertThat(transformer.matchesLoaded(Leaf.class)).isTrue();
    assertThat(transformer.matchesLoaded(NamedOnly.class)).isTrue();
    assertThat(transformer.matchesLoaded(Unrelated.class)).isFalse();
    assertThat(transformer.matchesLoaded(String.class)).isFalse();
  }

  @Test
  void absentLibraryMatchesNothing() throws IOException {
    WeftTransformer transformer =
        transformer(LibraryCheck.classesPresent("com.example.NotOnTheClassPath"), List.of());
    assertThat(match(transformer, Leaf.class)).isEmpty();
    assertThat(match(transformer, NamedOnly.class)).isEmpty();
  }

  @Test
  void presentLibraryAndMethodChecks() {
    ClassLoader loader = getClass().getClassLoader();
    assertThat(LibraryCheck.classesPresent(Leaf.class.getName()).test(loader)).isTrue();
    assertThat(LibraryCheck.methodPresent("java.lang.String", "isBlank").test(loader)).isTrue();
    assertThat(LibraryCheck.methodPresent("java.lang.String", "noSuchMethod").test(loader))
        .isFalse();
    assertThat(LibraryCheck.methodPresent("com.example.Missing", "x").test(loader)).isFalse();
  }

  @Test
  void userExclusionsWinOverMatches() throws IOException {
    WeftTransformer transformer =
        transformer(LibraryCheck.always(), List.of(PKG + "Le*", PKG + "NamedOnly"));
    assertThat(match(transformer, Leaf.class)).isEmpty();
    assertThat(match(transformer, NamedOnly.class)).isEmpty();
    assertThat(match(transformer, Mid.class)).containsExactly("hierarchy");
  }

  @Test
  void platformClassesAreNeverMatchedBySuperType() throws IOException {
    WeftTransformer transformer = transformer(LibraryCheck.always(), List.of());
    byte[] bytes = classFile(java.util.ArrayList.class);
    assertThat(transformer.match(null, "java/util/ArrayList", bytes)).isEmpty();
  }

  private static WeftTransformer transformer(LibraryCheck library, List<String> excludes) {
    TestModule module = new TestModule(library);
    ModuleEntry entry = new ModuleEntry(module, "built-in", true, 0);
    return new WeftTransformer(
        new MatchIndex(List.of(entry)), new IgnoreRules(excludes, List.of()), null);
  }

  private static List<String> match(WeftTransformer transformer, Class<?> type) throws IOException {
    List<Candidate> candidates =
        transformer.match(type.getClassLoader(), type.getName().replace('.', '/'), classFile(type));
    return candidates.stream()
        .map(c -> ((Named) c.instrumentation).label)
        .collect(Collectors.toList());
  }

  private static byte[] classFile(Class<?> type) throws IOException {
    String path = type.getName().replace('.', '/') + ".class";
    try (InputStream in = ClassLoader.getSystemResourceAsStream(path)) {
      return in.readAllBytes();
    }
  }

  static final class TestModule extends InstrumentationModule {
    private final LibraryCheck library;

    TestModule(LibraryCheck library) {
      super("test", "test-alias");
      this.library = library;
    }

    @Override
    public LibraryCheck libraryPresent() {
      return library;
    }

    @Override
    public List<TypeInstrumentation> typeInstrumentations() {
      return List.of(
          new Named("hierarchy", TypeMatcher.hasSuperType(PKG + "Root")),
          new Named("named", TypeMatcher.named(PKG + "NamedOnly")));
    }
  }

  static final class Named implements TypeInstrumentation {
    final String label;
    final TypeMatcher matcher;

    Named(String label, TypeMatcher matcher) {
      this.label = label;
      this.matcher = matcher;
    }

    @Override
    public TypeMatcher typeMatcher() {
      return matcher;
    }

    @Override
    public void transform(AdviceTarget target) {}
  }
}
