package com.storyclusters.examples;

import com.storyclusters.MatchScores;
import com.storyclusters.PairExplanation;
import com.storyclusters.StoryClusters;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code storyclusters explain ID1 ID2 --index DIR}: why two articles are (not) copies. */
@Command(name = "explain", mixinStandardHelpOptions = true,
    description = "Shows the scores of two indexed articles and the passages they share.")
final class ExplainCommand implements Callable<Integer> {
  @Parameters(index = "0", description = "first article id")
  String first;

  @Parameters(index = "1", description = "second article id")
  String second;

  @Option(names = "--index", required = true, description = "index folder written by cluster")
  Path index;

  @Override
  public Integer call() {
    if (!Files.isDirectory(index)) {
      System.err.println("storyclusters: no index at " + index);
      return 2;
    }
    // read-only: no lock taken, nothing written; works while another process writes the index
    try (StoryClusters sc = StoryClusters.builder().directory(index).readOnly(true).build()) {
      PairExplanation e = sc.explain(first, second);
      MatchScores s = e.scores();
      System.out.printf(java.util.Locale.ROOT, "%s vs %s: %s%n", first, second, e.reason());
      System.out.printf(java.util.Locale.ROOT,
          "score %.4f  containment %s in %s %.4f, %s in %s %.4f  jaccard %.4f  minhash %.4f  "
          + "first shared run %d / %d  lead share %.4f / %.4f  lead verbatim %.4f%n", s.score(),
          first, second, s.containmentOfNew(), second, first, s.containmentOfMatch(),
          s.jaccard(), s.minHashJaccard(), s.leadOfNew(), s.leadOfMatch(), s.leadShareOfNew(),
          s.leadShareOfMatch(), s.leadVerbatim());
      sc.clusterOf(first).ifPresent(c -> System.out.println(first + " is in cluster " + c.id()));
      sc.clusterOf(second).ifPresent(c -> System.out.println(second + " is in cluster " + c.id()));
      System.out.println(sc.storesText() ? "shared passages:"
          : "shared passages: none shown (the index was built with --no-store-text)");
      for (String p : e.sharedPassages()) {
        System.out.println("  | " + p);
      }
      return 0;
    } catch (IllegalArgumentException | com.storyclusters.StoryClustersException e) {
      System.err.println("storyclusters: " + e.getMessage());
      return 1;
    }
  }
}
