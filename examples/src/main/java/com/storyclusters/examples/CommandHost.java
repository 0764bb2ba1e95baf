package com.storyclusters.examples;

import java.io.OutputStream;
import java.util.concurrent.Callable;
import picocli.CommandLine;

/**
 * A top command that runs subcommands such as {@link ClusterCommand} ({@code storyclusters}, and
 * {@code storyclusters-spark} in the spark module): where result lines go (a stream whose write
 * errors are seen: see {@code Output}), the usage when no subcommand is given, and how a command
 * line runs ({@link #execute}: failures as one line, see {@link Failures}). Not thread-safe.
 */
public abstract class CommandHost implements Callable<Integer> {
  @CommandLine.Spec
  CommandLine.Model.CommandSpec spec;

  private final OutputStream stdout;

  protected CommandHost(OutputStream stdout) {
    this.stdout = stdout;
  }

  /** Standard output, as a stream that reports write errors. */
  public OutputStream stdout() {
    return stdout;
  }

  /** Without a command: the usage, on stderr, as a wrong command line. */
  @Override
  public Integer call() {
    spec.commandLine().usage(System.err);
    return Failures.USAGE;
  }

  /**
   * Runs a command line whose top command is a host and returns its exit code: a failure is one
   * line on stderr ({@link Failures}), running out of memory too.
   */
  public static int execute(CommandLine command, String... args) {
    try {
      return command.setExecutionExceptionHandler(Failures::failed)
          .setParameterExceptionHandler(Failures::usage)
          .execute(args);
    } catch (OutOfMemoryError e) {
      System.err.println("storyclusters: out of memory (give Java more with "
          + "STORYCLUSTERS_JAVA_OPTS=-Xmx...)");
      return Failures.FAILED;
    }
  }
}
