package dev.weft.smoketest;

/** Exit code and complete output of a finished {@link AppProcess}. */
public final class ProcessResult {
  private final int exitCode;
  private final String stdout;
  private final String stderr;

  ProcessResult(int exitCode, String stdout, String stderr) {
    this.exitCode = exitCode;
    this.stdout = stdout;
    this.stderr = stderr;
  }

  public int exitCode() {
    return exitCode;
  }

  public String stdout() {
    return stdout;
  }

  public String stderr() {
    return stderr;
  }

  @Override
  public String toString() {
    return "exit code " + exitCode + "\n--- stdout ---\n" + stdout + "\n--- stderr ---\n" + stderr;
  }
}
