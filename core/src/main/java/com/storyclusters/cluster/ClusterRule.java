package com.storyclusters.cluster;

import com.storyclusters.MatchScores;
import com.storyclusters.StoryCluster;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * The cluster rule, written once. An exact copy of a live article's normalized text joins that
 * article's cluster ({@link #exactCopy}). Otherwise an article joins the cluster of its best verified match if that
 * cluster's representative is verified too, or at least two of its members are (no chaining
 * through one edge); otherwise it starts a cluster, named by its id. The best is the highest
 * score, then the smaller member id, across clusters the smaller cluster id. A verified member
 * whose cluster's representative was not a candidate gets that representative verified as well
 * ({@link #representativesToVerify}): a trimmed copy of a page that carries other stories shares
 * its rarest shingles with that page alone. The representative is the earliest published member,
 * then the smallest id ({@link ClusterState}). Stateless.
 */
public final class ClusterRule {
  /** A verified pair: the indexed member and the scores. */
  public record Scored(ClusterState.Member member, MatchScores scores) {}

  private ClusterRule() {}

  /**
   * The representatives of the clusters of {@code linked} members that are not among {@code
   * seen} ids (the verified candidates) or {@code excluded}, in id order.
   */
  public static Set<String> representativesToVerify(Collection<Scored> linked, Set<String> seen,
      String excluded, ClusterState state) {
    TreeSet<String> reps = new TreeSet<>();
    for (Scored s : linked) {
      StoryCluster cluster = state.cluster(s.member().clusterId());
      if (cluster != null && !seen.contains(cluster.representative())
          && !cluster.representative().equals(excluded)) {
        reps.add(cluster.representative());
      }
    }
    return reps;
  }

  /** The scores of an exact copy: everything shared. */
  static final MatchScores EXACT = new MatchScores(1, 1, 1, 1, 1, 0, 0, 1, 1, 1, true);

  /**
   * An exact copy joins its original, before any scoring: when a live article other than {@code
   * self} has the same normalized text ({@code textHash}: the text as fingerprinted, with the
   * title line when the text does not hold the title), long enough to be fingerprinted, the
   * new article joins its cluster (the smallest such id), whatever its own page's chrome or the
   * boilerplate learnt since would strip from it. Null: no such article.
   */
  public static Scored exactCopy(long textHash, boolean longEnough, String self,
      ClusterState state) {
    if (!longEnough) {
      return null;
    }
    ClusterState.Member same = state.sameText(textHash, self);
    return same == null ? null : new Scored(same, EXACT);
  }

  /** The verified pair whose cluster the article joins; null: it starts a cluster. */
  public static Scored choose(List<Scored> linked, ClusterState state) {
    Map<String, List<Scored>> byCluster = new HashMap<>();
    for (Scored s : linked) {
      byCluster.computeIfAbsent(s.member().clusterId(), k -> new ArrayList<>()).add(s);
    }
    Scored best = null;
    for (Map.Entry<String, List<Scored>> e : byCluster.entrySet()) {
      StoryCluster cluster = state.cluster(e.getKey());
      if (cluster == null) {
        continue;
      }
      List<Scored> hits = e.getValue();
      boolean repVerified = hits.stream()
          .anyMatch(s -> s.member().id().equals(cluster.representative()));
      if (!repVerified && hits.size() < 2) {
        continue;
      }
      Scored top = hits.stream().max(Comparator.comparingDouble((Scored s) -> s.scores().score())
          .thenComparing(s -> s.member().id(), Comparator.reverseOrder())).orElseThrow();
      if (best == null || top.scores().score() > best.scores().score()
          || (top.scores().score() == best.scores().score()
              && top.member().clusterId().compareTo(best.member().clusterId()) < 0)) {
        best = top;
      }
    }
    return best;
  }

  /** The id of a new cluster founded by {@code articleId}: the id, or id~2, id~3... if taken. */
  public static String newClusterId(String articleId, ClusterState state) {
    String id = articleId;
    for (int n = 2; state.hasCluster(id); n++) {
      id = articleId + "~" + n;
    }
    return id;
  }
}
