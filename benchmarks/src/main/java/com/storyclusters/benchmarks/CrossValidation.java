package com.storyclusters.benchmarks;

import com.storyclusters.Assignment;
import com.storyclusters.StoryClusters;
import com.storyclusters.examples.Jsonl;
import com.storyclusters.examples.Metrics;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * How the defaults are chosen, and what they can be expected to do on stories they never saw:
 * 5-fold cross-validation on COUNTER's development half, folds split by gold story (no story on
 * both sides), repeated over 5 fold seeds. For each fold, the setting of the grid is chosen on the
 * other four folds by the rule: among those whose WD and PD linked shares meet the recall targets
 * plus a margin, the fewest ND pairs linked, then the most precise (pair precision against the
 * gold copies), then the most WD and PD. The figures are those of the pooled out-of-fold decisions, as
 * mean and range over the fold seeds. Articles are clustered together (statistics such as document
 * frequencies see every text, as an index would); only the labels are split.
 *
 * <pre>
 * java -cp benchmarks/target/benchmarks.jar com.storyclusters.benchmarks.CrossValidation \
 *     [--data ../shared/data] [--folds 5] [--seeds 5] [--margin 0.02] [--fine] [--show]
 *     [--leave-out ID,ID...] [--same-text-is-copy]
 * </pre>
 *
 * <p>{@code --show} lists the non-derived pairs each fold seed links out of fold. Two options
 * measure how much of the figures rests on single labels (README Quality): {@code --leave-out}
 * leaves the labelled pairs of these newspaper ids out of the WD / PD / ND counts (their
 * predicted pairs still count against precision), and {@code --same-text-is-copy} counts a
 * predicted pair of two articles of one source with the same text as a true pair, whatever the
 * gold file says.
 */
public final class CrossValidation {
  /** Recall targets of the development data (issue 12): WD and PD shares linked. */
  static final double WD_TARGET = 0.78;
  static final double PD_TARGET = 0.15;

  private static final double[] MIN_SCORES = {0.1, 0.15, 0.2, 0.25};
  /**
   * The grid's steps. Coarse (the default): a step of a knob moves several labelled pairs, more
   * than the 16-17 non-derived pairs of a test fold can resolve; fine: half steps, which mostly
   * move single pairs, so a training set often sees no cost in a looser point that links a test
   * fold's non-derived pair (README Quality reports both).
   */
  private static final double[][] COARSE = {{0.2, 0.25, 0.3}, {0, 0.1, 0.2, 0.3},
      {0.4, 0.6, 0.8, 1}};
  private static final double[][] FINE = {{0.2, 0.225, 0.25, 0.275, 0.3},
      {0, 0.15, 0.175, 0.2, 0.225, 0.25, 0.3}, {0.6, 0.7, 0.8, 1}};

  private CrossValidation() {}

  /**
   * What a predicted or labelled pair is judged against: the gold copies (clusters, labels), the
   * newspaper ids whose labelled pair is left out, and, when identical texts of one source count
   * as copies, each article's source and text (else null).
   */
  record Gold(Map<String, String>[] copies, Set<String> leftOut, Map<String, String> sameText) {
    boolean copy(String a, String b) {
      String ga = copies[0].get(a);
      return ga != null && ga.equals(copies[0].get(b))
          || sameText != null && sameText.get(a).equals(sameText.get(b));
    }
  }

  /** One point of the grid and its clustering of the whole set. */
  record Point(double minScore, double leadShare, double containmentOfNew, double leadVerbatim,
      Map<String, String> predicted) {
    String name() {
      return String.format(Locale.ROOT, "%.3f/%.3f/%.3f/%.1f", minScore, leadShare,
          containmentOfNew, leadVerbatim);
    }
  }

  /** Pair counts of a part of the set: true and all predicted pairs, labelled pairs linked. */
  static final class Counts {
    long truePairs;
    long predictedPairs;
    final Map<String, long[]> labels = new TreeMap<>();
    final List<String> linkedNd = new ArrayList<>();

    void add(Counts o) {
      truePairs += o.truePairs;
      predictedPairs += o.predictedPairs;
      linkedNd.addAll(o.linkedNd);
      o.labels.forEach((k, v) -> {
        long[] c = labels.computeIfAbsent(k, x -> new long[2]);
        c[0] += v[0];
        c[1] += v[1];
      });
    }

    double precision() {
      return predictedPairs == 0 ? 1 : (double) truePairs / predictedPairs;
    }

    double linked(String label) {
      long[] c = labels.get(label);
      return c == null || c[1] == 0 ? Double.NaN : (double) c[0] / c[1];
    }
  }

  public static void main(String[] args) throws IOException {
    Path data = Path.of("../shared/data");
    int folds = 5;
    int seeds = 5;
    double margin = 0.02;
    double[][] steps = COARSE;
    boolean show = false;
    boolean sameText = false;
    Set<String> leftOut = new TreeSet<>();
    for (int i = 0; i < args.length; i++) {
      switch (args[i]) {
        case "--data" -> data = Path.of(args[++i]);
        case "--folds" -> folds = Integer.parseInt(args[++i]);
        case "--seeds" -> seeds = Integer.parseInt(args[++i]);
        case "--margin" -> margin = Double.parseDouble(args[++i]);
        case "--fine" -> steps = FINE;
        case "--show" -> show = true;
        case "--same-text-is-copy" -> sameText = true;
        case "--leave-out" -> leftOut.addAll(List.of(args[++i].split(",")));
        default -> throw new IllegalArgumentException("unknown argument " + args[i]);
      }
    }
    Path dir = data.resolve("counter-dev");
    var articles = Jsonl.readArticles(dir.resolve("articles.jsonl"));
    Map<String, String>[] copies = Metrics.readAssignments(dir.resolve("gold-copies.jsonl"));
    Map<String, String> texts = null;
    if (sameText) {
      texts = new HashMap<>();
      for (var a : articles) {
        texts.put(a.id(), a.source() + "\u0000" + a.text().strip());
      }
    }
    Gold gold = new Gold(copies, leftOut, texts);
    Map<String, String> stories = Metrics.readAssignments(dir.resolve("gold-stories.jsonl"))[0];
    Map<String, Integer> order = new HashMap<>();
    for (var a : articles) {
      order.put(a.id(), order.size());
    }
    List<Point> grid = new ArrayList<>();
    for (double s : MIN_SCORES) {
      for (double l : steps[0]) {
        for (double c : steps[1]) {
          for (double v : c == 0 ? new double[] {1} : steps[2]) {
            Map<String, String> predicted = new HashMap<>();
            try (StoryClusters sc = StoryClusters.builder().minScore(s).minLeadShare(l)
                .minContainmentOfNew(c, v).build()) {
              for (Assignment a : sc.addAll(articles, 2)) {
                predicted.put(a.articleId(), a.clusterId());
              }
            }
            grid.add(new Point(s, l, c, v, predicted));
          }
        }
      }
    }
    System.out.printf(Locale.ROOT, "counter-dev: %d articles, %d gold stories; %d-fold by story,"
        + " %d fold seeds; chosen on the other folds: fewest ND, then most precise, with WD >= %.2f and PD >= %.2f"
        + "%n%n", articles.size(), new TreeSet<>(stories.values()).size(), folds, seeds,
        WD_TARGET + margin, PD_TARGET + margin);
    System.out.printf(Locale.ROOT, "%-6s %7s %7s %7s %7s  %s%n", "seed", "P", "WD", "PD", "ND",
        "chosen minScore/minLeadShare/minContainmentOfNew/leadVerbatim per fold");
    List<double[]> results = new ArrayList<>();
    Map<String, Integer> picks = new TreeMap<>();
    for (int seed = 1; seed <= seeds; seed++) {
      Map<String, Integer> fold = folds(stories, folds, seed);
      Counts pooled = new Counts();
      List<String> chosen = new ArrayList<>();
      for (int f = 0; f < folds; f++) {
        List<Counts> trains = new ArrayList<>();
        for (Point p : grid) {
          Counts train = new Counts();
          for (int g = 0; g < folds; g++) {
            if (g != f) {
              train.add(counts(p.predicted(), gold, fold, g, order));
            }
          }
          trains.add(train);
        }
        Point best = grid.get(choose(trains, margin));
        chosen.add(best.name());
        picks.merge(best.name(), 1, Integer::sum);
        pooled.add(counts(best.predicted(), gold, fold, f, order));
      }
      double[] r = {pooled.precision(), pooled.linked("WD"), pooled.linked("PD"),
          pooled.linked("ND")};
      results.add(r);
      System.out.printf(Locale.ROOT, "%-6d %7.3f %7.3f %7.3f %7.3f  %s%n", seed, r[0], r[1], r[2],
          r[3], String.join(" ", chosen));
      if (show) {
        System.out.println("       non-derived pairs linked: " + pooled.linkedNd);
      }
    }
    String[] names = {"P", "WD", "PD", "ND"};
    StringBuilder mean = new StringBuilder(String.format(Locale.ROOT, "%-6s", "mean"));
    StringBuilder range = new StringBuilder(String.format(Locale.ROOT, "%-6s", "range"));
    for (int k = 0; k < names.length; k++) {
      double sum = 0;
      double lo = Double.MAX_VALUE;
      double hi = -Double.MAX_VALUE;
      for (double[] r : results) {
        sum += r[k];
        lo = Math.min(lo, r[k]);
        hi = Math.max(hi, r[k]);
      }
      mean.append(String.format(Locale.ROOT, " %7.3f", sum / results.size()));
      range.append(String.format(Locale.ROOT, " %3.0f-%3.0f%%", lo * 100, hi * 100));
    }
    System.out.println(mean);
    System.out.println(range);
    System.out.println();
    System.out.println("chosen (of " + folds * seeds + " folds): " + picks.entrySet().stream()
        .sorted((a, b) -> b.getValue() - a.getValue()).map(e -> e.getKey() + " x" + e.getValue())
        .collect(java.util.stream.Collectors.joining(", ")));
    System.out.println();
    System.out.println("in-sample, whole set, per point: P WD PD ND");
    for (Point p : grid) {
      Counts all = new Counts();
      for (int g = 0; g < folds; g++) {
        all.add(counts(p.predicted(), gold, folds(stories, folds, 1), g, order));
      }
      System.out.printf(Locale.ROOT, "%s  %.3f %.3f %.3f %.3f%n", p.name(), all.precision(),
          all.linked("WD"), all.linked("PD"), all.linked("ND"));
    }
  }

  /**
   * The chosen-setting rule: meeting both recall targets (plus margin) first; then the fewest
   * non-derived pairs linked (a false merge of two reports of one event is the error users meet),
   * then the higher pair precision, then more WD, then more PD.
   */
  static boolean better(Counts a, Counts b, double margin) {
    boolean aMeets = meets(a, margin);
    boolean bMeets = meets(b, margin);
    if (aMeets != bMeets) {
      return aMeets;
    }
    if (!aMeets) { // neither meets: closer to the recall targets
      return a.linked("WD") + a.linked("PD") > b.linked("WD") + b.linked("PD");
    }
    if (a.linked("ND") != b.linked("ND")) {
      return a.linked("ND") < b.linked("ND");
    }
    if (a.precision() != b.precision()) {
      return a.precision() > b.precision();
    }
    if (a.linked("WD") != b.linked("WD")) {
      return a.linked("WD") > b.linked("WD");
    }
    return a.linked("PD") > b.linked("PD");
  }

  /** The chosen point: the best of the grid by {@link #better}. */
  static int choose(List<Counts> trains, double margin) {
    int best = 0;
    for (int i = 1; i < trains.size(); i++) {
      if (better(trains.get(i), trains.get(best), margin)) {
        best = i;
      }
    }
    return best;
  }

  private static boolean meets(Counts c, double margin) {
    return c.linked("WD") >= WD_TARGET + margin && c.linked("PD") >= PD_TARGET + margin;
  }

  /** Gold stories dealt to folds in a shuffled order (by seed), so no story spans two folds. */
  static Map<String, Integer> folds(Map<String, String> stories, int folds, long seed) {
    List<String> names = new ArrayList<>(new TreeSet<>(stories.values()));
    Collections.shuffle(names, new Random(seed));
    Map<String, Integer> storyFold = new HashMap<>();
    for (int i = 0; i < names.size(); i++) {
      storyFold.put(names.get(i), i % folds);
    }
    Map<String, Integer> fold = new HashMap<>();
    stories.forEach((id, story) -> fold.put(id, storyFold.get(story)));
    return fold;
  }

  /**
   * Pair counts of fold {@code f}: the predicted pairs whose later article (in input order: its
   * add made the decision) is in the fold, so that the folds count each pair once (a pair across
   * two folds is never a copy), and the labelled (X, Xp) pairs of the fold.
   */
  static Counts counts(Map<String, String> predicted, Gold gold,
      Map<String, Integer> fold, int f, Map<String, Integer> order) {
    Counts c = new Counts();
    Map<String, List<String>> clusters = new TreeMap<>();
    predicted.forEach((id, cluster) -> {
      if (fold.containsKey(id)) {
        clusters.computeIfAbsent(cluster, k -> new ArrayList<>()).add(id);
      }
    });
    for (List<String> members : clusters.values()) {
      for (int i = 0; i < members.size(); i++) {
        for (int j = i + 1; j < members.size(); j++) {
          String a = members.get(i);
          String b = members.get(j);
          String later = order.get(a) > order.get(b) ? a : b;
          if (fold.get(later) != f) {
            continue;
          }
          c.predictedPairs++;
          if (gold.copy(a, b)) {
            c.truePairs++;
          }
        }
      }
    }
    Map<String, String>[] copies = gold.copies();
    copies[1].forEach((id, label) -> {
      String source = id.substring(0, id.length() - 1);
      if (!id.endsWith("p") || !copies[0].containsKey(source) || fold.get(id) == null
          || fold.get(id) != f || gold.leftOut().contains(id)) {
        return;
      }
      long[] l = c.labels.computeIfAbsent(label, k -> new long[2]);
      l[1]++;
      if (predicted.get(id).equals(predicted.get(source))) {
        l[0]++;
        if (label.equals("ND")) {
          c.linkedNd.add(id);
        }
      }
    });
    return c;
  }
}
