package com.storyclusters.examples;

import com.storyclusters.ArticleInfo;
import com.storyclusters.Assignment;
import com.storyclusters.StoryCluster;
import com.storyclusters.StoryClusters;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What the HTML report shows ({@link ReportHtml} renders it), read from an open index: the summary,
 * the clusters with copies (largest first, then by id), the copies' recorded scores.
 *
 * <p>The caps ({@link Caps}) bound the page whatever the index holds: at most {@code fullClusters}
 * clusters with copies are shown in full; the first {@code topClusters} of them with up to {@code
 * topPairs} copies side by side with the representative, the others with one; the rest of a
 * cluster's copies are rows of scores (at most {@code copyRows}); then the ids and sizes of further
 * clusters with copies (at most {@code listed}). Texts are cut at {@code textChars}, the removed
 * lines at {@code boilerplateChars}.
 */
record ReportModel(String title, boolean storesText, int articles, int clusters,
    int clustersWithCopies, int articlesInCopies, List<SourceRow> sources, int moreSources,
    List<StoryCluster> largest, List<ClusterView> shown, List<StoryCluster> listed,
    int notListed, double[] scores, Caps caps) {

  /** How much the report shows at most (see the class comment). */
  record Caps(int fullClusters, int topClusters, int topPairs, int copyRows, int listed,
      int textChars, int boilerplateChars, int sourceRows, int largest) {
    /**
     * The defaults: at most 20 * 4 + 180 = 260 pairs of texts of at most 4,000 + 1,500 chars,
     * about 3 MB at worst, whatever the size of the index (a few MB more for 5,000 listed ids and
     * 200 * 50 rows of scores).
     */
    static final Caps DEFAULT = new Caps(200, 20, 4, 50, 5_000, 4_000, 1_500, 25, 10);

    /** How many copies the cluster at {@code rank} (0: the largest) shows side by side. */
    int pairs(int rank) {
      return rank < topClusters ? topPairs : 1;
    }
  }

  /** One source's line of the summary table. */
  record SourceRow(String source, int articles, int inClusters, int first, int copies) {}

  /** An article as one column shows it: its text (cut), the passages marked, removed lines. */
  record Column(String id, String source, Optional<Instant> published, String text, boolean cut,
      List<int[]> marks, List<String> boilerplate, boolean boilerplateCut) {}

  /** A copy beside the representative, with its recorded assignment. */
  record Pair(Column representative, Column copy, Assignment assignment) {}

  /** A copy shown as a row of scores. */
  record Copy(ArticleInfo info, Assignment assignment) {}

  /** A cluster shown in full. */
  record ClusterView(StoryCluster cluster, ArticleInfo first, String firstReason,
      List<Pair> pairs, List<Copy> more, int notShown) {}

  /** Reads what the report shows from {@code sc} (opened read-only, or the run's own index). */
  static ReportModel of(StoryClusters sc, String title, Caps caps) {
    List<StoryCluster> all = sc.clusters();
    List<StoryCluster> withCopies = new ArrayList<>();
    Map<String, int[]> bySource = new HashMap<>(); // articles, in clusters, first, copies
    for (StoryCluster c : all) {
      for (String m : c.members()) {
        sc.info(m).ifPresent(i -> bySource.computeIfAbsent(i.source(), s -> new int[4])[0]++);
      }
      if (c.size() > 1) {
        withCopies.add(c);
      }
    }
    withCopies.sort(Comparator.comparingInt(StoryCluster::size).reversed()
        .thenComparing(StoryCluster::id));
    List<Double> scores = new ArrayList<>();
    List<ClusterView> shown = new ArrayList<>();
    int articlesInCopies = 0;
    for (StoryCluster c : withCopies) {
      articlesInCopies += c.size();
      List<ArticleInfo> members = members(sc, c);
      ArticleInfo first = members.get(0);
      for (ArticleInfo m : members) {
        int[] row = bySource.computeIfAbsent(m.source(), s -> new int[4]);
        row[1]++;
        row[m == first ? 2 : 3]++;
      }
      List<Assignment> copies = new ArrayList<>();
      for (ArticleInfo m : members) {
        Optional<Assignment> a = sc.assignment(m.id());
        a.flatMap(Assignment::scores).ifPresent(s -> scores.add(s.score()));
        if (!m.id().equals(c.representative()) && a.isPresent()) {
          copies.add(a.get());
        }
      }
      if (shown.size() < caps.fullClusters()) {
        shown.add(view(sc, c, first, copies, caps.pairs(shown.size()), caps));
      }
    }
    List<SourceRow> sources = new ArrayList<>();
    bySource.forEach((s, r) -> sources.add(new SourceRow(s, r[0], r[1], r[2], r[3])));
    sources.sort(Comparator.comparingInt(SourceRow::copies).reversed()
        .thenComparing(Comparator.comparingInt(SourceRow::articles).reversed())
        .thenComparing(SourceRow::source));
    int rest = withCopies.size() - shown.size();
    List<StoryCluster> listed = withCopies.subList(shown.size(),
        shown.size() + Math.min(rest, caps.listed()));
    return new ReportModel(title, sc.storesText(), sc.size(), all.size(), withCopies.size(),
        articlesInCopies, List.copyOf(sources.subList(0, Math.min(caps.sourceRows(),
            sources.size()))), Math.max(0, sources.size() - caps.sourceRows()),
        List.copyOf(withCopies.subList(0, Math.min(caps.largest(), withCopies.size()))), shown,
        List.copyOf(listed), rest - listed.size(),
        scores.stream().mapToDouble(Double::doubleValue).toArray(), caps);
  }

  /**
   * A cluster's members in publication order: the earliest published first; members without a
   * time after those with one; ties (and no times) in input order as far as the index knows it:
   * the founding article (the cluster id) first, then by id.
   */
  private static List<ArticleInfo> members(StoryClusters sc, StoryCluster c) {
    List<ArticleInfo> out = new ArrayList<>();
    for (String m : c.members()) {
      sc.info(m).ifPresent(out::add);
    }
    out.sort(Comparator.comparing((ArticleInfo i) -> i.published().orElse(Instant.MAX))
        .thenComparing(i -> !i.id().equals(c.id())).thenComparing(ArticleInfo::id));
    return out;
  }

  private static ClusterView view(StoryClusters sc, StoryCluster c, ArticleInfo first,
      List<Assignment> copies, int maxPairs, Caps caps) {
    String reason = first.published().isPresent() ? "earliest published"
        : first.id().equals(c.id()) ? "no publication times: first in input (it founded the "
            + "cluster)" : "no publication times: smallest id";
    List<Pair> pairs = new ArrayList<>();
    Assignment rep = sc.assignment(c.representative()).orElseThrow();
    ArticleInfo repInfo = sc.info(c.representative()).orElseThrow();
    Optional<String> repText = sc.text(c.representative());
    int shownPairs = Math.min(maxPairs, copies.size());
    for (Assignment copy : copies.subList(0, shownPairs)) {
      ArticleInfo info = sc.info(copy.articleId()).orElseThrow();
      Optional<String> text = sc.text(copy.articleId());
      List<String> onCopy = List.of();
      List<String> onRep = List.of();
      if (text.isPresent() && repText.isPresent()) {
        onCopy = sc.explain(copy.articleId(), c.representative()).sharedPassages();
        onRep = sc.explain(c.representative(), copy.articleId()).sharedPassages();
      }
      pairs.add(new Pair(column(repInfo, repText, onRep, rep.boilerplate(), caps),
          column(info, text, onCopy, copy.boilerplate(), caps), copy));
    }
    List<Copy> more = new ArrayList<>();
    for (Assignment a : copies.subList(shownPairs,
        Math.min(copies.size(), shownPairs + caps.copyRows()))) {
      more.add(new Copy(sc.info(a.articleId()).orElseThrow(), a));
    }
    return new ClusterView(c, first, reason, pairs, more,
        copies.size() - shownPairs - more.size());
  }

  private static Column column(ArticleInfo info, Optional<String> stored, List<String> passages,
      List<String> boilerplate, Caps caps) {
    String full = stored.orElse("");
    int cap = Math.min(full.length(), caps.textChars());
    if (cap < full.length() && Character.isHighSurrogate(full.charAt(cap - 1))) {
      cap--; // not half a character
    }
    String text = full.substring(0, cap);
    List<String> lines = new ArrayList<>();
    int chars = 0;
    for (String line : boilerplate) {
      if (chars + line.length() > caps.boilerplateChars()) {
        break;
      }
      lines.add(line);
      chars += line.length();
    }
    return new Column(info.id(), info.source(), info.published(), text,
        text.length() < full.length(), marks(full, passages, text.length()), lines,
        lines.size() < boilerplate.size());
  }

  /**
   * Where the passages occur in the first {@code cap} chars of {@code text}: every occurrence of
   * each, overlapping ones merged, in text order, cut at the cap.
   */
  static List<int[]> marks(String text, List<String> passages, int cap) {
    List<int[]> found = new ArrayList<>();
    for (String p : passages) {
      if (p.isEmpty()) {
        continue;
      }
      for (int at = text.indexOf(p); at >= 0 && at < cap; at = text.indexOf(p, at + p.length())) {
        found.add(new int[] {at, Math.min(cap, at + p.length())});
      }
    }
    found.sort(Comparator.comparingInt((int[] r) -> r[0]));
    List<int[]> merged = new ArrayList<>();
    for (int[] r : found) {
      int[] last = merged.isEmpty() ? null : merged.get(merged.size() - 1);
      if (last != null && r[0] <= last[1]) {
        last[1] = Math.max(last[1], r[1]);
      } else {
        merged.add(r);
      }
    }
    return merged;
  }
}
