package dev.weft.core.api.propagation;

/** Writes a header-like field into a carrier (a request being sent) for injection. Stateless. */
public interface TextMapSetter<C> {

  void set(C carrier, String key, String value);
}
