package dev.weft.smoketest.apps;

/** Woven by the test-only throwing module; its results must not change. */
public final class Greeter {

  public String greet(String name) {
    if (name.isEmpty()) {
      throw new IllegalArgumentException("empty name");
    }
    return "Hello, " + name + "!";
  }
}
