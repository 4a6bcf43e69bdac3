package dev.weft.core.api.propagation;

/** Reads header-like fields from a carrier (a request) for extraction. Stateless. */
public interface TextMapGetter<C> {

  /** Field names present in the carrier (lower-case for HTTP); used by propagators that scan. */
  Iterable<String> keys(C carrier);

  /** The value of {@code key} (case-insensitive for HTTP), or null. */
  String get(C carrier, String key);
}
