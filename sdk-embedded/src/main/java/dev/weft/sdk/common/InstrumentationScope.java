package dev.weft.sdk.common;

/** The instrumentation (library) that produced telemetry: name and optional version. Immutable. */
public final class InstrumentationScope {

  private final String name;
  private final String version;

  private InstrumentationScope(String name, String version) {
    this.name = name;
    this.version = version;
  }

  /**
   * @param version nullable
   */
  public static InstrumentationScope of(String name, String version) {
    return new InstrumentationScope(name, version);
  }

  public String name() {
    return name;
  }

  /** Nullable. */
  public String version() {
    return version;
  }

  @Override
  public boolean equals(Object other) {
    if (!(other instanceof InstrumentationScope)) {
      return false;
    }
    InstrumentationScope that = (InstrumentationScope) other;
    return name.equals(that.name)
        && (version == null ? that.version == null : version.equals(that.version));
  }

  @Override
  public int hashCode() {
    return name.hashCode() * 31 + (version == null ? 0 : version.hashCode());
  }

  @Override
  public String toString() {
    return version == null ? name : name + "@" + version;
  }
}
