package com.storyclusters.examples;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The {@code storyclusters} command. */
@Command(name = "storyclusters", mixinStandardHelpOptions = true, version = "storyclusters 0.1.0",
    description = "Finds syndicated copies of news stories and groups them into story clusters.",
    subcommands = {ClusterCommand.class, EvaluateCommand.class, ExplainCommand.class,
        GenerateCommand.class, CheckCommand.class, CommandLine.HelpCommand.class})
public final class Main implements Runnable {
  @CommandLine.Spec
  CommandLine.Model.CommandSpec spec;

  @Override
  public void run() {
    spec.commandLine().usage(System.err);
  }

  public static void main(String[] args) {
    System.exit(run(args));
  }

  /** Runs the command and returns its exit code (for tests). */
  public static int run(String... args) {
    return new CommandLine(new Main()).execute(args);
  }
}
