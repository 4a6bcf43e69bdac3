package dev.weft.core.api.common;

import java.util.List;

/**
 * A typed attribute name. Create keys once, as constants ({@code static final AttributeKey<String>
 * HTTP_ROUTE = stringKey("http.route")}); keys are equal when name and type are. Values of {@code
 * LONG} keys are {@link Long}, of array keys {@link List}.
 */
public final class AttributeKey<T> {

  private final String name;
  private final AttributeType type;
  private final int hash;

  private AttributeKey(String name, AttributeType type) {
    if (name == null || type == null) {
      throw new NullPointerException("name and type are required");
    }
    this.name = name;
    this.type = type;
    this.hash = name.hashCode() * 31 + type.hashCode();
  }

  public static AttributeKey<String> stringKey(String name) {
    return new AttributeKey<>(name, AttributeType.STRING);
  }

  public static AttributeKey<Boolean> booleanKey(String name) {
    return new AttributeKey<>(name, AttributeType.BOOLEAN);
  }

  public static AttributeKey<Long> longKey(String name) {
    return new AttributeKey<>(name, AttributeType.LONG);
  }

  public static AttributeKey<Double> doubleKey(String name) {
    return new AttributeKey<>(name, AttributeType.DOUBLE);
  }

  public static AttributeKey<List<String>> stringArrayKey(String name) {
    return new AttributeKey<>(name, AttributeType.STRING_ARRAY);
  }

  public static AttributeKey<List<Boolean>> booleanArrayKey(String name) {
    return new AttributeKey<>(name, AttributeType.BOOLEAN_ARRAY);
  }

  public static AttributeKey<List<Long>> longArrayKey(String name) {
    return new AttributeKey<>(name, AttributeType.LONG_ARRAY);
  }

  public static AttributeKey<List<Double>> doubleArrayKey(String name) {
    return new AttributeKey<>(name, AttributeType.DOUBLE_ARRAY);
  }

  public String name() {
    return name;
  }

  public AttributeType type() {
    return type;
  }

  @Override
  public boolean equals(Object other) {
    if (this == other) {
      return true;
    }
    if (!(other instanceof AttributeKey)) {
      return false;
    }
    AttributeKey<?> that = (AttributeKey<?>) other;
    return hash == that.hash && type == that.type && name.equals(that.name);
  }

  @Override
  public int hashCode() {
    return hash;
  }

  @Override
  public String toString() {
    return name;
  }
}
