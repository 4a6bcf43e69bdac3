package dev.weft.smoketest.apps;

/** Greets, catches the one expected exception, and exits with status 3. */
public final class GreeterApp {

  public static void main(String[] args) {
    Greeter greeter = new Greeter();
    for (String name : new String[] {"Ada", "Grace", "Barbara"}) {
      System.out.println(greeter.greet(name));
    }
    try {
      greeter.greet("");
    } catch (IllegalArgumentException expected) {
      System.out.println("caught: " + expected.getMessage());
    }
    System.exit(3);
  }
}
