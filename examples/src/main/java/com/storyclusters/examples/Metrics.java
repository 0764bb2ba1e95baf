package com.storyclusters.examples;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Clustering quality against gold labels: pairwise precision, recall and F1, B-cubed F1, adjusted
 * Rand index, and (when gold pairs carry labels such as COUNTER's WD/PD/ND) the share of each
 * label's pairs that the prediction puts in one cluster. Ids missing from the prediction count as
 * singletons; ids only in the prediction are ignored. Immutable result.
 */
public record Metrics(int articles, double precision, double recall, double f1, double bcubedF1,
    double ari, Map<String, double[]> labelLinked) {

  /**
   * @param gold id to gold cluster
   * @param predicted id to predicted cluster
   * @param labels optional id to label ("WD"...): a pair (agency, copy) is the article with label
   *     L and the other gold member of its "source" pairing; here pairs are taken as ids {@code X}
   *     and {@code Xp}, COUNTER's naming, and counted by the label of {@code Xp}
   */
  public static Metrics of(Map<String, String> gold, Map<String, String> predicted,
      Map<String, String> labels) {
    List<String> ids = new ArrayList<>(gold.keySet());
    java.util.Collections.sort(ids);
    Map<String, String> pred = new HashMap<>();
    for (String id : ids) {
      String p = predicted.get(id);
      pred.put(id, p == null ? "\u0000singleton:" + id : p);
    }
    // contingency table
    Map<String, Map<String, Integer>> table = new HashMap<>();
    Map<String, Integer> goldSizes = new HashMap<>();
    Map<String, Integer> predSizes = new HashMap<>();
    for (String id : ids) {
      String g = gold.get(id);
      String p = pred.get(id);
      table.computeIfAbsent(g, k -> new HashMap<>()).merge(p, 1, Integer::sum);
      goldSizes.merge(g, 1, Integer::sum);
      predSizes.merge(p, 1, Integer::sum);
    }
    double both = 0;
    for (Map<String, Integer> row : table.values()) {
      for (int n : row.values()) {
        both += pairs(n);
      }
    }
    double goldPairs = goldSizes.values().stream().mapToDouble(Metrics::pairs).sum();
    double predPairs = predSizes.values().stream().mapToDouble(Metrics::pairs).sum();
    double precision = predPairs == 0 ? 1 : both / predPairs;
    double recall = goldPairs == 0 ? 1 : both / goldPairs;
    double f1 = precision + recall == 0 ? 0 : 2 * precision * recall / (precision + recall);
    // B-cubed
    double bp = 0;
    double br = 0;
    for (String id : ids) {
      int overlap = table.get(gold.get(id)).get(pred.get(id));
      bp += (double) overlap / predSizes.get(pred.get(id));
      br += (double) overlap / goldSizes.get(gold.get(id));
    }
    // no gold article: nothing to get wrong, as precision and recall without pairs
    bp = ids.isEmpty() ? 1 : bp / ids.size();
    br = ids.isEmpty() ? 1 : br / ids.size();
    double bf = bp + br == 0 ? 0 : 2 * bp * br / (bp + br);
    // ARI
    double total = pairs(ids.size());
    double expected = total == 0 ? 0 : goldPairs * predPairs / total;
    double max = (goldPairs + predPairs) / 2;
    double ari = max == expected ? 1 : (both - expected) / (max - expected);
    Map<String, double[]> linked = new TreeMap<>();
    if (labels != null) {
      for (String id : ids) {
        String label = labels.get(id);
        if (label == null || !id.endsWith("p")) {
          continue;
        }
        String source = id.substring(0, id.length() - 1);
        if (!gold.containsKey(source)) {
          continue;
        }
        double[] c = linked.computeIfAbsent(label, k -> new double[2]);
        c[1]++;
        if (pred.get(id).equals(pred.get(source))) {
          c[0]++;
        }
      }
    }
    return new Metrics(ids.size(), precision, recall, f1, bf, ari, linked);
  }

  private static double pairs(int n) {
    return n * (n - 1) / 2.0;
  }

  /** Share of the label's pairs linked, or NaN. */
  public double linked(String label) {
    double[] c = labelLinked.get(label);
    return c == null || c[1] == 0 ? Double.NaN : c[0] / c[1];
  }

  /** A one-line human summary; a measure that is not a number is shown as {@code n/a}. */
  public String summary() {
    StringBuilder sb = new StringBuilder(String.format(java.util.Locale.ROOT,
        "articles=%d pairwise P=%s R=%s F1=%s  B3-F1=%s  ARI=%s", articles, format(precision, 4),
        format(recall, 4), format(f1, 4), format(bcubedF1, 4), format(ari, 4)));
    labelLinked.forEach((label, c) -> sb.append(String.format(java.util.Locale.ROOT,
        "  %s linked=%s (%d/%d)", label, format(c[1] == 0 ? Double.NaN : c[0] / c[1], 3),
        (int) c[0], (int) c[1])));
    return sb.toString();
  }

  private static String format(double v, int digits) {
    return Double.isFinite(v) ? String.format(java.util.Locale.ROOT, "%." + digits + "f", v)
        : "n/a";
  }

  /**
   * Reads {@code {"id","cluster"}} lines (and {@code "label"} if present) of a JSONL file, through
   * {@link Jsonl}, into two maps: id to cluster and id to label.
   *
   * @throws java.io.IOException if the file cannot be read, or at its first bad line
   *     ({@code "FILE: line N: ..."})
   */
  public static Map<String, String>[] readAssignments(java.nio.file.Path file)
      throws java.io.IOException {
    Map<String, String> clusters = new HashMap<>();
    Map<String, String> labels = new HashMap<>();
    for (String[] row : Jsonl.readAll(file, (node, n) -> {
      if (node.get("id") == null || node.get("cluster") == null) {
        throw new Jsonl.BadLineException("line " + n + ": needs \"id\" and \"cluster\"", n);
      }
      JsonNode label = node.get("label");
      return new String[] {node.get("id").asText(), node.get("cluster").asText(),
          label == null ? null : label.asText()};
    })) {
      clusters.put(row[0], row[1]);
      if (row[2] != null) {
        labels.put(row[0], row[2]);
      }
    }
    @SuppressWarnings("unchecked")
    Map<String, String>[] out = new Map[] {clusters, labels};
    return out;
  }
}
