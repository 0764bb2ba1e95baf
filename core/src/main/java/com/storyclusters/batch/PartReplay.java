package com.storyclusters.batch;

import com.storyclusters.Assignment;
import com.storyclusters.MatchScores;
import com.storyclusters.cluster.ClusterRule;
import com.storyclusters.cluster.ClusterState;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Step 4: the cluster rule over one part of the input, in input order. A part is a connected part
 * of the graph whose edges are the linked pairs (an article and a candidate it links with) and
 * equal texts: the rule joins an article to the cluster of a linked earlier article or of an equal
 * text, so parts never share a cluster and each can be replayed alone. Stateless.
 */
public final class PartReplay {
  private PartReplay() {}

  /**
   * What the rule reads of one article: its fingerprint, whether it can link, its candidates'
   * ids (the {@link BatchSteps#top}, in that order) and the scores known for its pairs: every
   * candidate's (null: not linked), and a representative's once asked for ({@link Result#missing}).
   * Immutable by convention; serializable for batch engines.
   */
  public record Article(Fingerprinted fp, boolean canLink, List<String> top,
      Map<String, MatchScores> scores) implements Serializable {}

  /**
   * The part's assignments in its input order, or what is missing first: pairs (an article's id,
   * a representative's id) whose scores the rule needs and {@link Article#scores} lacks (those
   * after the first assuming the first did not link, so some may turn out not to be needed). Then
   * the engine scores them ({@link BatchSteps.Query#score}) and replays the part.
   */
  public record Result(List<Assignment> assignments, List<String[]> missing) {}

  /** Replays a part, its articles in input order. */
  public static Result replay(List<Article> part) {
    ClusterState state = new ClusterState(false);
    List<Assignment> out = new ArrayList<>(part.size());
    List<String[]> missing = new ArrayList<>();
    for (Article a : part) {
      Fingerprinted fp = a.fp();
      ClusterRule.Scored best = ClusterRule.exactCopy(fp.textHash(), fp.longEnough(), fp.id(),
          state);
      if (best == null && a.canLink()) {
        List<ClusterRule.Scored> linked = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (String c : a.top()) {
          seen.add(c);
          add(linked, a.scores().get(c), c, state);
        }
        for (String rep : ClusterRule.representativesToVerify(linked, seen, null, state)) {
          if (!a.scores().containsKey(rep)) {
            missing.add(new String[] {fp.id(), rep});
          } else {
            add(linked, a.scores().get(rep), rep, state);
          }
        }
        // with a score missing, what follows is a guess (as if the pair did not link), made
        // only to ask for every score the part may need at once
        best = ClusterRule.choose(linked, state);
      }
      String clusterId = best == null ? ClusterRule.newClusterId(fp.id(), state)
          : best.member().clusterId();
      state.put(new ClusterState.Member(fp.id(), fp.source(), clusterId, fp.published(),
          fp.textHash()));
      out.add(new Assignment(fp.id(), clusterId, best == null, false,
          Optional.ofNullable(best == null ? null : best.member().id()),
          Optional.ofNullable(best == null ? null : best.scores()), fp.removed()));
    }
    return missing.isEmpty() ? new Result(out, List.of()) : new Result(List.of(), missing);
  }

  private static void add(List<ClusterRule.Scored> linked, MatchScores m, String id,
      ClusterState state) {
    ClusterState.Member member = state.member(id);
    if (m != null && member != null) {
      linked.add(new ClusterRule.Scored(member, m));
    }
  }
}
