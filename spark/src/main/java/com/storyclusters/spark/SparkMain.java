package com.storyclusters.spark;

import com.storyclusters.examples.ClusterCommand;
import com.storyclusters.examples.CommandHost;
import com.storyclusters.examples.Failures;
import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.OutputStream;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * The {@code storyclusters-spark} command: {@code cluster INPUT [--master URL] [--partitions N]}
 * and every option of {@code storyclusters cluster}, which it is, with INPUT read by Spark ({@link
 * SparkArticleSource}). Exit codes and failures are {@code storyclusters}': 0 done, 1 failed, 2
 * wrong command line, one line on stderr.
 */
@Command(name = "storyclusters-spark", mixinStandardHelpOptions = true,
    version = "storyclusters-spark 0.1.0",
    description = "storyclusters with its input read by Apache Spark: the same assignments.")
public final class SparkMain implements Callable<Integer>, CommandHost {
  @CommandLine.Spec
  CommandLine.Model.CommandSpec spec;

  private final OutputStream stdout;

  private SparkMain(OutputStream stdout) {
    this.stdout = stdout;
  }

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

  /** Runs the command and returns its exit code; result lines go to {@code stdout}. */
  public static int run(OutputStream stdout, String... args) {
    SparkOptions spark = new SparkOptions();
    CommandLine cluster = new CommandLine(new ClusterCommand(new SparkArticleSource(spark)));
    cluster.addMixin("spark", spark);
    return new CommandLine(new SparkMain(stdout))
        .addSubcommand("cluster", cluster)
        .addSubcommand("help", new CommandLine.HelpCommand())
        .setExecutionExceptionHandler(Failures::failed)
        .setParameterExceptionHandler(Failures::usage)
        .execute(args);
  }
}
