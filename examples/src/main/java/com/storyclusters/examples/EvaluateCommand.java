package com.storyclusters.examples;

import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code storyclusters evaluate}: compares predicted clusters with gold ones. Warns on stderr when
 * gold ids are missing from the prediction (none shared: the files are of different corpora);
 * an empty gold file is a failure (exit 1).
 */
@Command(name = "evaluate", mixinStandardHelpOptions = true,
    description = {"Pairwise precision, recall and F1, B-cubed F1 and adjusted Rand index of "
        + "predicted clusters against gold clusters (both JSON Lines with \"id\" and "
        + "\"cluster\").", "When gold lines carry a \"label\" (COUNTER's WD/PD/ND), also the "
        + "share of each label's pairs put in one cluster."})
final class EvaluateCommand implements Callable<Integer> {
  @Option(names = "--gold", paramLabel = "FILE", required = true, description = "gold JSONL")
  Path gold;

  @Option(names = "--predicted", paramLabel = "FILE", required = true,
      description = "predicted JSONL (the output of cluster)")
  Path predicted;

  @Override
  public Integer call() {
    try {
      Map<String, String>[] g = Metrics.readAssignments(gold);
      Map<String, String>[] p = Metrics.readAssignments(predicted);
      if (g[0].isEmpty()) {
        System.err.println("storyclusters: " + gold + " holds no articles (--gold)");
        return Failures.FAILED;
      }
      long shared = g[0].keySet().stream().filter(p[0]::containsKey).count();
      if (shared == 0) {
        System.err.println("storyclusters: warning: " + gold + " and " + predicted + " share no "
            + "ids: every gold article counts as a singleton (are they of one corpus?)");
      } else if (shared < g[0].size()) {
        System.err.printf(java.util.Locale.ROOT, "storyclusters: warning: %,d of %,d gold ids are "
            + "not in %s: counted as singletons%n", g[0].size() - shared, g[0].size(), predicted);
      }
      Metrics m = Metrics.of(g[0], p[0], g[1].isEmpty() ? null : g[1]);
      System.out.println(m.summary());
      return 0;
    } catch (java.io.IOException e) {
      System.err.println("storyclusters: " + e.getMessage());
      return Failures.FAILED;
    }
  }
}
