package dev.weft.sdk.resources;

import dev.weft.core.api.common.Attributes;

/** The entity producing telemetry ({@code service.name}, host, process, ...). Immutable. */
public final class Resource {

  private static final Resource EMPTY = new Resource(Attributes.empty());

  private final Attributes attributes;

  private Resource(Attributes attributes) {
    this.attributes = attributes;
  }

  public static Resource empty() {
    return EMPTY;
  }

  public static Resource create(Attributes attributes) {
    return new Resource(attributes);
  }

  public Attributes attributes() {
    return attributes;
  }

  /** This resource's attributes, with {@code other}'s replacing any of the same key. */
  public Resource merge(Resource other) {
    return new Resource(attributes.toBuilder().putAll(other.attributes).build());
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof Resource && attributes.equals(((Resource) other).attributes);
  }

  @Override
  public int hashCode() {
    return attributes.hashCode();
  }

  @Override
  public String toString() {
    return "Resource" + attributes;
  }
}
