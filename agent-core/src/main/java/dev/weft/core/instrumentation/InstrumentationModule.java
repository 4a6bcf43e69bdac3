package dev.weft.core.instrumentation;

import java.util.Arrays;
import java.util.Collections;
import java.util.List;

/**
 * One library family's instrumentation: its names, the class-loader precondition that says the
 * supported library version is present, and its type instrumentations.
 *
 * <p>Discovered with {@link java.util.ServiceLoader}; implementations need a public no-arg
 * constructor. The main name and aliases are the OpenTelemetry Java agent's, so {@code
 * otel.instrumentation.<name>.enabled} works the same for any of them. Classes in {@link
 * #modulePackages()} (advice and helpers) are loaded, per application class loader, by an
 * instrumentation class loader that sees the library through the application's loader and Weft
 * through the agent's; nothing is injected into application class loaders.
 */
public abstract class InstrumentationModule {

  private final List<String> names;

  /**
   * @param mainName the OpenTelemetry agent's instrumentation name, e.g. {@code "jdbc"}
   * @param aliases further names that enable or disable this module, e.g. {@code "jdbc-4.0"}
   */
  protected InstrumentationModule(String mainName, String... aliases) {
    String[] all = new String[aliases.length + 1];
    all[0] = mainName;
    System.arraycopy(aliases, 0, all, 1, aliases.length);
    this.names = Collections.unmodifiableList(Arrays.asList(all));
  }

  /** The main name first, then the aliases. */
  public final List<String> names() {
    return names;
  }

  /** Whether the module runs when no configuration mentions it. */
  public boolean defaultEnabled() {
    return true;
  }

  /**
   * The cheap gate evaluated once per class loader before any type matching: the library (and the
   * version this module was written for) is visible from that loader.
   */
  public LibraryCheck libraryPresent() {
    return LibraryCheck.always();
  }

  /** The types this module weaves; called once at start-up, so build nothing expensive here. */
  public abstract List<TypeInstrumentation> typeInstrumentations();

  /**
   * Packages (with trailing dot) whose classes the instrumentation class loader defines itself:
   * advice and helpers. Defaults to this module's own package.
   */
  public List<String> modulePackages() {
    String name = getClass().getName();
    return Collections.singletonList(name.substring(0, name.lastIndexOf('.') + 1));
  }

  @Override
  public String toString() {
    return getClass().getSimpleName() + names;
  }
}
