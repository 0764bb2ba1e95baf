package com.storyclusters.examples;

import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code storyclusters evaluate}: compares predicted clusters with gold ones. */
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
      Metrics m = Metrics.of(g[0], p[0], g[1].isEmpty() ? null : g[1]);
      System.out.println(m.summary());
      return 0;
    } catch (java.io.IOException e) {
      System.err.println("storyclusters: " + e.getMessage());
      return 1;
    }
  }
}
