package dev.weft.smoketest.apps;

/** A task two levels below {@link Task}. */
public final class ConcreteTask extends AbstractTask {

  @Override
  public void run() {
    System.out.println("concrete task ran");
  }
}
