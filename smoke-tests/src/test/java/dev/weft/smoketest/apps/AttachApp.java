package dev.weft.smoketest.apps;

/**
 * Loads and runs a task before any agent is present, then keeps running it until a Weft is attached
 * at run time (the test watches standard error) or 60 seconds pass.
 */
public final class AttachApp {

  public static void main(String[] args) throws InterruptedException {
    Task task = new ConcreteTask();
    System.out.println("ready " + ProcessHandle.current().pid());
    System.out.flush();
    long deadline = System.nanoTime() + 60_000_000_000L;
    while (System.nanoTime() < deadline) {
      task.run();
      Thread.sleep(100);
    }
  }
}
