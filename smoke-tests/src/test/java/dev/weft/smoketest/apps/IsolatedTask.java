package dev.weft.smoketest.apps;

/** Loaded by {@link TaskApp}'s non-delegating class loader. */
public final class IsolatedTask implements Task {

  @Override
  public void run() {
    System.out.println("isolated task ran");
  }
}
