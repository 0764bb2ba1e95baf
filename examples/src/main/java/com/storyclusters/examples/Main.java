package com.storyclusters.examples;

import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.OutputStream;
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
public final class Main extends CommandHost {
  private Main(OutputStream stdout) {
    super(stdout);
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
    return execute(new CommandLine(new Main(stdout)), args);
  }
}
