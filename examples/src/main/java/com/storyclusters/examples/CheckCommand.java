package com.storyclusters.examples;

import com.storyclusters.CheckReport;
import com.storyclusters.StoryClusters;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code storyclusters check --index DIR}: checks an index fully and read-only ({@link
 * StoryClusters#check}). Prints one line and exits 0 when the index is sound; else prints each
 * problem on a line of its own (naming the path and, when known, the damaged file) and exits 1.
 */
@Command(name = "check", mixinStandardHelpOptions = true,
    description = "Verifies every checksum and structure of an index, read-only (it takes no "
        + "lock and changes nothing). Exit 0: sound; 1: damaged or not an index.")
final class CheckCommand implements Callable<Integer> {
  @Option(names = "--index", required = true, description = "index folder written by cluster")
  Path index;

  @Override
  public Integer call() {
    CheckReport report = StoryClusters.check(index);
    if (report.clean()) {
      System.out.println("index at " + index + " is sound: " + report.articles() + " articles in "
          + report.segments() + " segments");
      return 0;
    }
    for (String problem : report.problems()) {
      System.err.println("storyclusters: " + problem);
    }
    return 1;
  }
}
