package dev.weft.sdk.common;

import dev.weft.core.api.common.Attributes;
import java.util.Objects;

/**
 * The instrumentation (library) that produced telemetry: name, and optionally version, the schema
 * URL of the semantic conventions it follows, and attributes. Immutable.
 */
public final class InstrumentationScope {

  private final String name;
  private final String version;
  private final String schemaUrl;
  private final Attributes attributes;

  private InstrumentationScope(
      String name, String version, String schemaUrl, Attributes attributes) {
    this.name = name;
    this.version = version;
    this.schemaUrl = schemaUrl;
    this.attributes = attributes;
  }

  /**
   * @param version nullable
   */
  public static InstrumentationScope of(String name, String version) {
    return new InstrumentationScope(name, version, null, Attributes.empty());
  }

  /**
   * @param version nullable
   * @param schemaUrl nullable
   * @param attributes nullable (none)
   */
  public static InstrumentationScope of(
      String name, String version, String schemaUrl, Attributes attributes) {
    return new InstrumentationScope(
        name, version, schemaUrl, attributes == null ? Attributes.empty() : attributes);
  }

  public String name() {
    return name;
  }

  /** Nullable. */
  public String version() {
    return version;
  }

  /** Nullable. */
  public String schemaUrl() {
    return schemaUrl;
  }

  /** Never null; empty for most scopes. */
  public Attributes attributes() {
    return attributes;
  }

  @Override
  public boolean equals(Object other) {
    if (!(other instanceof InstrumentationScope)) {
      return false;
    }
    InstrumentationScope that = (InstrumentationScope) other;
    return name.equals(that.name)
        && Objects.equals(version, that.version)
        && Objects.equals(schemaUrl, that.schemaUrl)
        && attributes.equals(that.attributes);
  }

  @Override
  public int hashCode() {
    return Objects.hash(name, version, schemaUrl, attributes);
  }

  @Override
  public String toString() {
    String base = version == null ? name : name + "@" + version;
    if (schemaUrl != null) {
      base += " " + schemaUrl;
    }
    return attributes.isEmpty() ? base : base + " " + attributes;
  }
}
