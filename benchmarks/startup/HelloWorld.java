/** The start-up benchmark's application: prints one line and exits. */
public final class HelloWorld {
  public static void main(String[] args) {
    System.out.println("Hello, world");
  }
}
