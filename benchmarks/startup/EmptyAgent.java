import java.lang.instrument.Instrumentation;

/** A -javaagent that does nothing: the floor any agent pays for the JVM's agent support. */
public final class EmptyAgent {
  public static void premain(String args, Instrumentation inst) {}
}
