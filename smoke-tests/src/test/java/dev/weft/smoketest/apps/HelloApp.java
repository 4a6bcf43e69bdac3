package dev.weft.smoketest.apps;

/** Test app with the same output on any JDK: 3 lines out, 1 line err, exit code from args[0]. */
public final class HelloApp {
  private HelloApp() {}

  public static void main(String[] args) {
    int sum = 0;
    for (int i = 1; i <= 1000; i++) {
      sum += i;
    }
    System.out.println("hello from weft smoke test");
    System.out.println("sum of 1..1000 = " + sum);
    System.out.println("goodbye");
    System.err.println("hello on stderr");
    System.exit(args.length > 0 ? Integer.parseInt(args[0]) : 0);
  }
}
