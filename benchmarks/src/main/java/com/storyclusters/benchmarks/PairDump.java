package com.storyclusters.benchmarks;

import com.storyclusters.Article;
import com.storyclusters.Assignment;
import com.storyclusters.MatchScores;
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
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * The pairs a decision model is fitted and judged on, as CSV: every pair of articles of one gold
 * story, and every pair a permissive setting (minScore 0.1, minLeadShare 0.15) puts in one cluster,
 * each with the scores the library computes (the later article in the role of the new one) and
 * its gold labels.
 *
 * <pre>
 * java -cp benchmarks/target/benchmarks.jar com.storyclusters.benchmarks.PairDump \
 *     ../shared/data/counter-dev pairs.csv
 * </pre>
 */
public final class PairDump {
  private PairDump() {}

  public static void main(String[] args) throws IOException {
    Path dir = Path.of(args[0]);
    List<Article> articles = Jsonl.readArticles(dir.resolve("articles.jsonl"));
    Map<String, Integer> order = new HashMap<>();
    for (Article a : articles) {
      order.put(a.id(), order.size());
    }
    Map<String, String>[] copies = Metrics.readAssignments(dir.resolve("gold-copies.jsonl"));
    Path storiesFile = dir.resolve("gold-stories.jsonl");
    Map<String, String> stories = Files.exists(storiesFile)
        ? Metrics.readAssignments(storiesFile)[0] : copies[0];
    TreeSet<String> pairs = new TreeSet<>();
    Map<String, List<String>> byStory = new TreeMap<>();
    stories.forEach((id, s) -> byStory.computeIfAbsent(s, k -> new ArrayList<>()).add(id));
    byStory.values().forEach(ids -> addPairs(ids, order, pairs));
    Map<String, List<String>> loose = new TreeMap<>();
    Map<String, String> defaults = new HashMap<>();
    try (StoryClusters sc = StoryClusters.builder().minScore(0.1).minLeadShare(0.15).build()) {
      for (Assignment a : sc.addAll(articles, 2)) {
        loose.computeIfAbsent(a.clusterId(), k -> new ArrayList<>()).add(a.articleId());
      }
    }
    loose.values().forEach(ids -> addPairs(ids, order, pairs));
    try (StoryClusters sc = StoryClusters.builder().build()) {
      for (Assignment a : sc.addAll(articles, 2)) {
        defaults.put(a.articleId(), a.clusterId());
      }
      List<String> lines = new ArrayList<>();
      lines.add("earlier,later,copy,story,label,score,cNew,cMatch,jaccard,leadNew,leadMatch,"
          + "leadShareNew,leadShareMatch,linked,together");
      for (String p : pairs) {
        String[] ab = p.split("\t");
        MatchScores s = sc.explain(ab[1], ab[0]).scores();
        String label = "";
        if (ab[1].equals(ab[0] + "p")) {
          label = copies[1].getOrDefault(ab[1], "");
        } else if (ab[0].equals(ab[1] + "p")) {
          label = copies[1].getOrDefault(ab[0], "");
        }
        boolean copy = copies[0].get(ab[0]) != null
            && copies[0].get(ab[0]).equals(copies[0].get(ab[1]));
        boolean story = stories.get(ab[0]) != null
            && stories.get(ab[0]).equals(stories.get(ab[1]));
        lines.add(String.format(Locale.ROOT, "%s,%s,%d,%d,%s,%.4f,%.4f,%.4f,%.4f,%d,%d,%.4f,%.4f,"
            + "%d,%d", ab[0], ab[1], copy ? 1 : 0, story ? 1 : 0, label, s.score(),
            s.containmentOfNew(), s.containmentOfMatch(), s.jaccard(), s.leadOfNew(),
            s.leadOfMatch(), s.leadShareOfNew(), s.leadShareOfMatch(), s.linked() ? 1 : 0,
            defaults.get(ab[0]).equals(defaults.get(ab[1])) ? 1 : 0));
      }
      Files.write(Path.of(args[1]), lines);
      System.out.println("wrote " + (lines.size() - 1) + " pairs to " + args[1]);
    }
  }

  /** Every pair of {@code ids}, the earlier in input order first. */
  private static void addPairs(List<String> ids, Map<String, Integer> order, TreeSet<String> out) {
    for (int i = 0; i < ids.size(); i++) {
      for (int j = i + 1; j < ids.size(); j++) {
        String a = ids.get(i);
        String b = ids.get(j);
        if (order.containsKey(a) && order.containsKey(b)) {
          out.add(order.get(a) < order.get(b) ? a + "\t" + b : b + "\t" + a);
        }
      }
    }
  }
}
