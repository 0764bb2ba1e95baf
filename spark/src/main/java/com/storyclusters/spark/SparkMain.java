package com.storyclusters.spark;

import com.storyclusters.examples.ClusterCommand;
import com.storyclusters.examples.CommandHost;
import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.OutputStream;
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
    description = "storyclusters on Apache Spark: the library's assignments, by a Spark job.")
public final class SparkMain extends CommandHost {
  private SparkMain(OutputStream stdout) {
    super(stdout);
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
    return execute(new CommandLine(new SparkMain(stdout))
        .addSubcommand("cluster", cluster)
        .addSubcommand("help", new CommandLine.HelpCommand()), args);
  }
}
