package dev.weft.core.api.common;

/** The value types an attribute can have, as OTLP's {@code AnyValue} encodes them. */
public enum AttributeType {
  STRING,
  BOOLEAN,
  LONG,
  DOUBLE,
  STRING_ARRAY,
  BOOLEAN_ARRAY,
  LONG_ARRAY,
  DOUBLE_ARRAY
}
