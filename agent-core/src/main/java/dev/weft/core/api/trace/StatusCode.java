package dev.weft.core.api.trace;

/** A span's status, as OTLP numbers them (OTLP value = ordinal). */
public enum StatusCode {
  UNSET,
  OK,
  ERROR
}
