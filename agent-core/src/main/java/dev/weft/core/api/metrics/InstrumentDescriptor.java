package dev.weft.core.api.metrics;

import java.util.Arrays;
import java.util.Locale;

/**
 * What identifies and describes one instrument: name, description, unit, kind, value type, and the
 * histogram bucket boundaries advised by the semantic conventions (null: the SDK's defaults).
 * Immutable. Identity (for duplicate registration) is the name, case-insensitively, plus kind and
 * value type.
 */
public final class InstrumentDescriptor {

  /** Whether measurements are {@code long} or {@code double}. */
  public enum ValueType {
    LONG,
    DOUBLE
  }

  private final String name;
  private final String description;
  private final String unit;
  private final InstrumentType type;
  private final ValueType valueType;
  private final double[] advisedBoundaries;

  InstrumentDescriptor(
      String name,
      String description,
      String unit,
      InstrumentType type,
      ValueType valueType,
      double[] advisedBoundaries) {
    this.name = name;
    this.description = description == null ? "" : description;
    this.unit = unit == null ? "" : unit;
    this.type = type;
    this.valueType = valueType;
    this.advisedBoundaries = advisedBoundaries;
  }

  /** A descriptor without a builder, for the SDK's and tests' use. */
  public static InstrumentDescriptor of(
      String name, String description, String unit, InstrumentType type, ValueType valueType) {
    return new InstrumentDescriptor(name, description, unit, type, valueType, null);
  }

  public String name() {
    return name;
  }

  public String description() {
    return description;
  }

  public String unit() {
    return unit;
  }

  public InstrumentType type() {
    return type;
  }

  public ValueType valueType() {
    return valueType;
  }

  /** The advised explicit bucket boundaries (a copy), or null for the SDK default. */
  public double[] advisedBoundaries() {
    return advisedBoundaries == null ? null : advisedBoundaries.clone();
  }

  /** The case-insensitive identity key: lower-case name. */
  public String key() {
    return name.toLowerCase(Locale.ROOT);
  }

  @Override
  public String toString() {
    return name
        + "{"
        + type
        + ", "
        + valueType
        + (unit.isEmpty() ? "" : ", unit " + unit)
        + (advisedBoundaries == null ? "" : ", buckets " + Arrays.toString(advisedBoundaries))
        + "}";
  }
}
