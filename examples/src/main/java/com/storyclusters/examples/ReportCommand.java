package com.storyclusters.examples;

import com.storyclusters.StoryClusters;
import com.storyclusters.StoryClustersException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code storyclusters report --index DIR --output FILE}: the clusters of an index as one
 * self-contained HTML page ({@link Report}). Opens the index read-only: no lock, nothing written,
 * so it works while another process adds to it (it shows that process's last commit).
 */
@Command(name = "report", mixinStandardHelpOptions = true,
    description = {"Writes an HTML report of an index: summary, copies per source, a histogram "
        + "of pair scores, and the largest clusters with each copy beside its representative, "
        + "shared passages marked and removed boilerplate dimmed; a filter box. One file, no "
        + "network. Read-only: takes no lock and changes nothing."})
final class ReportCommand implements Callable<Integer> {
  @Option(names = "--index", paramLabel = "DIR", required = true,
      description = "index folder written by cluster")
  Path index;

  @Option(names = "--output", paramLabel = "FILE", required = true,
      description = "the HTML file to write (atomically, only on success)")
  Path output;

  @Override
  public Integer call() throws Exception {
    if (!Files.isDirectory(index)) {
      System.err.println("storyclusters: no index at " + index);
      return Failures.FAILED;
    }
    try (StoryClusters sc = StoryClusters.builder().directory(index).readOnly(true).build()) {
      Report.write(sc, output, "index " + index);
      return 0;
    } catch (StoryClustersException e) {
      System.err.println("storyclusters: " + Failures.describe(e));
      return Failures.FAILED;
    }
  }
}
