package com.storyclusters.examples;

import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.OutputStream;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * The {@code storyclusters} command. Exit codes: 0 done, 1 failed, 2 wrong command line (see
 * {@link Failures}); every failure is one line on stderr.
 */
@Command(name = "storyclusters", mixinStandardHelpOptions = true, version = "storyclusters 0.1.0",
    description = "Finds syndicated copies of news stories and groups them into story clusters.",
    subcommands = {ClusterCommand.class, EvaluateCommand.class, ExplainCommand.class,
        GenerateCommand.class, CheckCommand.class, ReportCommand.class, ServeCommand.class,
        CommandLine.HelpCommand.class})
public final class Main implements Callable<Integer>, CommandHost {
  @CommandLine.Spec
  CommandLine.Model.CommandSpec spec;

  private final OutputStream stdout;

  private Main(OutputStream stdout) {
    this.stdout = stdout;
  }

  /** Where result lines go: a stream whose write errors are seen (see {@link Output}). */
  @Override
  public OutputStream stdout() {
    return stdout;
  }

  /** Without a command: the usage, on stderr, as a wrong command line. */
  @Override
  public Integer call() {
    spec.commandLine().usage(System.err);
    return Failures.USAGE;
  }

  public static void main(String[] args) {
    // System.out swallows write errors; the file descriptor reports them
    System.exit(run(new FileOutputStream(FileDescriptor.out), args));
  }

  /** Runs the command and returns its exit code (for tests): results go to System.out. */
  public static int run(String... args) {
    return run(System.out, args);
  }

  static int run(OutputStream stdout, String... args) {
    try {
      return new CommandLine(new Main(stdout))
          .setExecutionExceptionHandler(Failures::failed)
          .setParameterExceptionHandler(Failures::usage)
          .execute(args);
    } catch (OutOfMemoryError e) {
      System.err.println("storyclusters: out of memory (give Java more with "
          + "STORYCLUSTERS_JAVA_OPTS=-Xmx...)");
      return Failures.FAILED;
    }
  }
}
