package com.storyclusters.benchmarks;

import com.storyclusters.Assignment;
import com.storyclusters.StoryClusters;
import com.storyclusters.examples.Jsonl;
import com.storyclusters.examples.Metrics;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The quality harness: clusters every labelled set under a data folder with the embedded default
 * (or the settings given as {@code key=value} arguments) and prints one table.
 *
 * <pre>
 * java -cp benchmarks/target/benchmarks.jar com.storyclusters.benchmarks.QualityHarness \
 *     [--data ../shared/data] [minScore=0.25] [shingleSize=2] [maxAnchors=64] [title=false] [sweep]
 * </pre>
 * {@code sweep} also prints the trade-off curve on COUNTER: WD/PD/ND linked and precision over a
 * grid of minScore and minLeadShare.
 */
public final class QualityHarness {
  private QualityHarness() {}

  /** One labelled set: articles and a gold file. */
  record Set(String name, Path articles, Path gold) {}

  public static void main(String[] args) throws IOException {
    Path data = Path.of("../shared/data");
    Map<String, String> overrides = new HashMap<>();
    boolean sweep = false;
    Path pairsOut = null;
    for (int i = 0; i < args.length; i++) {
      if (args[i].equals("--data")) {
        data = Path.of(args[++i]);
      } else if (args[i].equals("--pairs")) {
        pairsOut = Path.of(args[++i]);
      } else if (args[i].equals("sweep")) {
        sweep = true;
      } else if (args[i].contains("=")) {
        String[] kv = args[i].split("=", 2);
        overrides.put(kv[0], kv[1]);
      }
    }
    List<Set> sets = sets(data);
    if (pairsOut != null) {
      writePairs(sets, overrides, pairsOut);
      return;
    }
    System.out.printf(Locale.ROOT, "%-22s %6s %7s %7s %7s %7s %7s %7s %7s %7s%n", "set", "docs",
        "P", "R", "F1", "B3-F1", "ARI", "WD", "PD", "ND");
    for (Set s : sets) {
      Metrics m = run(s, overrides);
      System.out.println(row(s.name(), m));
    }
    if (sweep) {
      Set counter = sets.stream().filter(s -> s.name().startsWith("counter-dev/gold-copies"))
          .findFirst().orElseThrow();
      System.out.println();
      System.out.println("trade-off on " + counter.name()
          + ": WD / PD / ND pairs linked, pairwise precision; rows minScore, columns minLeadShare");
      double[] leads = {0.15, 0.2, 0.25, 0.3, 0.35};
      StringBuilder head = new StringBuilder(String.format(Locale.ROOT, "%-9s", "minScore"));
      for (double l : leads) {
        head.append(String.format(Locale.ROOT, " | lead %-21.2f", l));
      }
      System.out.println(head);
      for (double t : new double[] {0.1, 0.15, 0.2, 0.25, 0.3}) {
        StringBuilder row = new StringBuilder(String.format(Locale.ROOT, "%-9.2f", t));
        for (double l : leads) {
          Map<String, String> o = new HashMap<>(overrides);
          o.put("minScore", Double.toString(t));
          o.put("leadShare", Double.toString(l));
          Metrics m = run(counter, o);
          row.append(String.format(Locale.ROOT, " | %.3f %.3f %.3f P%.3f", m.linked("WD"),
              m.linked("PD"), m.linked("ND"), m.precision()));
        }
        System.out.println(row);
      }
    }
  }

  /**
   * For every labelled COUNTER pair (X, Xp), the explanation's scores as CSV, to study where the
   * decision rule fails.
   */
  static void writePairs(List<Set> sets, Map<String, String> overrides, Path out)
      throws IOException {
    Set counter = sets.stream().filter(s -> s.name().startsWith("counter-dev/gold-copies"))
        .findFirst().orElseThrow();
    Map<String, String>[] gold = Metrics.readAssignments(counter.gold());
    List<String> lines = new ArrayList<>();
    lines.add("source,copy,label,score,containmentOfCopy,containmentOfSource,runCopy,runSource,"
        + "leadShareCopy,leadShareSource,linked,together");
    try (StoryClusters sc = builder(overrides).build()) {
      sc.addAll(Jsonl.readArticles(counter.articles()), 2);
      for (String id : new java.util.TreeSet<>(gold[1].keySet())) {
        String source = id.substring(0, id.length() - 1);
        if (!id.endsWith("p") || !gold[0].containsKey(source)) {
          continue;
        }
        var e = sc.explain(id, source);
        var s = e.scores();
        lines.add(String.format(Locale.ROOT, "%s,%s,%s,%.4f,%.4f,%.4f,%d,%d,%.4f,%.4f,%s,%s",
            source, id, gold[1].get(id), s.score(), s.containmentOfNew(), s.containmentOfMatch(),
            s.leadOfNew(), s.leadOfMatch(), s.leadShareOfNew(), s.leadShareOfMatch(), s.linked(),
            sc.clusterOf(id).equals(sc.clusterOf(source))));
      }
    }
    Files.write(out, lines);
    System.out.println("wrote " + (lines.size() - 1) + " pairs to " + out);
  }

  static String row(String name, Metrics m) {
    return String.format(Locale.ROOT, "%-22s %6d %7.3f %7.3f %7.3f %7.3f %7.3f %7s %7s %7s",
        name, m.articles(), m.precision(), m.recall(), m.f1(), m.bcubedF1(), m.ari(),
        share(m, "WD"), share(m, "PD"), share(m, "ND"));
  }

  private static String share(Metrics m, String label) {
    double v = m.linked(label);
    return Double.isNaN(v) ? "-" : String.format(Locale.ROOT, "%.3f", v);
  }

  /** Every set under {@code data} with an articles file and a gold file. */
  static List<Set> sets(Path data) throws IOException {
    List<Set> out = new ArrayList<>();
    try (var dirs = Files.list(data)) {
      for (Path dir : dirs.sorted().toList()) {
        Path articles = dir.resolve("articles.jsonl");
        if (!Files.isRegularFile(articles)) {
          continue;
        }
        for (String gold : new String[] {"gold-copies.jsonl", "gold-stories.jsonl"}) {
          Path g = dir.resolve(gold);
          if (Files.isRegularFile(g)) {
            out.add(new Set(dir.getFileName() + "/" + gold.replace(".jsonl", ""), articles, g));
          }
        }
      }
    }
    return out;
  }

  /** Clusters one set in memory and scores it. */
  static Metrics run(Set set, Map<String, String> overrides) throws IOException {
    Map<String, String> predicted = new HashMap<>();
    try (StoryClusters sc = builder(overrides).build()) {
      for (Assignment a : sc.addAll(Jsonl.readArticles(set.articles()), 2)) {
        predicted.put(a.articleId(), a.clusterId());
      }
    }
    Map<String, String>[] gold = Metrics.readAssignments(set.gold());
    return Metrics.of(gold[0], predicted, gold[1].isEmpty() ? null : gold[1]);
  }

  static com.storyclusters.Settings.Builder builder(Map<String, String> overrides) {
    com.storyclusters.Settings.Builder b = StoryClusters.builder();
    overrides.forEach((k, v) -> {
      switch (k) {
        case "minScore" -> b.minScore(Double.parseDouble(v));
        case "shingleSize" -> b.shingleSize(Integer.parseInt(v));
        case "lead" -> b.leadWindow(Integer.parseInt(v.split(",")[0]),
            Double.parseDouble(v.split(",")[1]));
        case "sameSource" -> b.minScoreSameSource(Double.parseDouble(v));
        case "leadShare" -> b.minLeadShare(Double.parseDouble(v));
        case "boilerplate" -> b.boilerplate(Boolean.parseBoolean(v));
        case "title" -> b.fingerprintTitle(Boolean.parseBoolean(v));
        case "minShingles" -> b.minShingles(Integer.parseInt(v));
        case "maxAnchors" -> b.maxAnchors(Integer.parseInt(v));
        case "maxCandidates" -> b.maxCandidates(Integer.parseInt(v));
        case "containmentOfNew" -> b.minContainmentOfNew(Double.parseDouble(v.split(",")[0]),
            Double.parseDouble(v.split(",")[1]));
        default -> throw new IllegalArgumentException("unknown setting " + k);
      }
    });
    return b;
  }
}
