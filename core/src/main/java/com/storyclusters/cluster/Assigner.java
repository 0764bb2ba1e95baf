package com.storyclusters.cluster;

import com.carrotsearch.hppc.IntIntHashMap;
import com.carrotsearch.hppc.LongIntHashMap;
import com.storyclusters.MatchScores;
import com.storyclusters.boilerplate.BoilerplateFilter;
import com.storyclusters.boilerplate.LineCounts;
import com.storyclusters.fingerprint.Fingerprint;
import com.storyclusters.fingerprint.Prepared;
import com.storyclusters.minhash.MinHasher;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/**
 * Decides which cluster each article of a batch segment joins, in two steps. A segment is a run
 * of articles within one statistics epoch ({@link Epochs}) whose ids are new to the index and
 * distinct, and whose boilerplate verdicts do not wait for the stories of the segment's earlier
 * articles ({@link #lineCounts}), so nothing a decision reads changes inside it but the segment's
 * own articles:
 * <ol>
 *   <li>{@link #lineCounts}, {@link #fingerprint}, {@link #recentCounts} and {@link #score}
 *       (parallel but for the short sequential line counts): fingerprint an article under the
 *       epoch's statistics, look its candidates up among everything indexed before it (a {@link
 *       CandidateIndex#view}), score them;</li>
 *   <li>{@link #decide} (sequential, input order): verify representatives that were not
 *       candidates, and apply the {@link ClusterRule}.</li>
 * </ol>
 * Every score depends only on the pair and the frozen
 * statistics, and the rule reads the cluster state in input order: so a segment decides exactly
 * as one-by-one adds do, at any segment size and thread count. Immutable and thread-safe (the
 * state it reads is passed in).
 */
public final class Assigner {
  private final PairScorer scorer;
  private final MinHasher hasher;
  private final int maxShingles;
  private final boolean boilerplate;
  private final int maxCandidates;

  public Assigner(PairScorer scorer, MinHasher hasher, int maxShingles,
      boolean boilerplate, int maxCandidates) {
    this.scorer = scorer;
    this.hasher = hasher;
    this.maxShingles = maxShingles;
    this.boilerplate = boilerplate;
    this.maxCandidates = maxCandidates;
  }

  /** What the parallel step found for one article. */
  public static final class Scoring {
    public final Fingerprint fp;
    final PairScorer.Query query;
    final List<Candidate> top;
    /** Scores of the snapshot's candidates by id: linked scores, or null when not linked. */
    final Map<String, MatchScores> scored;
    /** The article's normalized text hash, whether it is long enough to match, and its id. */
    final long textHash;
    final boolean longEnough;
    final String id;

    Scoring(Prepared p, Fingerprint fp, PairScorer.Query query, List<Candidate> top,
        Map<String, MatchScores> scored, boolean longEnough) {
      this.fp = fp;
      this.query = query;
      this.top = top;
      this.scored = scored;
      this.textHash = p.textHash;
      this.longEnough = longEnough;
      this.id = p.article.id();
    }
  }

  /** The outcome for one article: its fingerprint and the pair that decides its cluster (null: new). */
  public record Decision(Fingerprint fp, ClusterRule.Scored best) {}

  /**
   * Step 1a (sequential, input order, cheap): for each article of a segment, how many indexed
   * articles of its source, and of any source, carry each of its lines, the segment's earlier
   * articles included (the exact counts one-by-one adds would see), and how many different stories
   * of its source do. Stories are known once decided, which the segment's earlier articles are not:
   * the counts stop before the first article whose boilerplate verdict would depend on their
   * stories ({@link BoilerplateFilter#settled}), which then starts the next segment. Null entries
   * when boilerplate removal is off.
   *
   * @return counts for the first articles of {@code segment} (at least one): the segment to assign
   */
  public LineCounts[] lineCounts(Prepared[] segment, Statistics stats) {
    LineCounts[] out = new LineCounts[segment.length];
    if (!boilerplate) {
      return out;
    }
    LongIntHashMap inSegment = new LongIntHashMap();
    for (int k = 0; k < segment.length; k++) {
      Prepared p = segment[k];
      int[] ofSource = counts(p.sourceLineKey, stats, inSegment);
      int[] ofAll = counts(p.lineKey, stats, inSegment);
      int[] stories = new int[ofSource.length];
      boolean sourced = !p.article.source().isEmpty();
      for (int i = 0; i < stories.length; i++) {
        long key = p.sourceLineKey[i];
        stories[i] = stats.stories(key);
        if (k > 0 && sourced && !BoilerplateFilter.settled(p.lineTokens[i], ofSource[i],
            ofAll[i], stories[i], inSegment.get(key))) {
          return java.util.Arrays.copyOf(out, k);
        }
      }
      out[k] = new LineCounts(ofSource, ofAll, stories);
      for (long key : p.countedLineKeys) {
        inSegment.addTo(key, 1);
      }
    }
    return out;
  }

  private static int[] counts(long[] keys, Statistics stats, LongIntHashMap inSegment) {
    int[] counts = new int[keys.length];
    for (int i = 0; i < keys.length; i++) {
      counts[i] = stats.lineCount(keys[i]) + inSegment.get(keys[i]);
    }
    return counts;
  }

  /** Step 1b (parallel): the fingerprint of an article, its boilerplate removed by the counts. */
  public Fingerprint fingerprint(Prepared p, LineCounts lineCounts) {
    return Fingerprint.select(p, lineCounts, hasher, maxShingles);
  }

  /**
   * Step 1c (input order within each half of the hash space, the halves on two tasks of {@code
   * parallel}): for each fingerprint of a segment and each shingle of its set, how many of the
   * epoch's earlier adds hold it (the pending ones and the segment's earlier articles), which the
   * frozen frequency table does not count yet. A shingle's count reads only its own half, so the
   * halves are independent and the counts are those of one pass in input order.
   */
  public static int[][] recentCounts(Fingerprint[] segment, Statistics stats, Parallel parallel) {
    int[][] sets = new int[segment.length][];
    for (int k = 0; k < sets.length; k++) {
      sets[k] = segment[k].set;
    }
    return recentCounts(sets, stats.pendingCounts(), parallel);
  }

  /**
   * {@link #recentCounts(Fingerprint[], Statistics, Parallel)} of distinct ascending sets, with
   * {@code pending} the count of the pending adds (read from both tasks).
   */
  static int[][] recentCounts(int[][] sets, java.util.function.IntUnaryOperator pending,
      Parallel parallel) {
    int[][] out = new int[sets.length][];
    int expected = 0;
    for (int k = 0; k < sets.length; k++) {
      out[k] = new int[sets[k].length];
      expected += out[k].length;
    }
    int perHalf = expected / 2;
    parallel.forSteps(expected).run(2, half -> {
      IntIntHashMap inSegment = new IntIntHashMap(perHalf);
      for (int k = 0; k < sets.length; k++) {
        int[] set = sets[k]; // ascending: the negative half first
        int[] counts = out[k];
        int split = firstNonNegative(set);
        int to = half == 0 ? split : set.length;
        for (int i = half == 0 ? 0 : split; i < to; i++) { // each once: earlier articles only
          counts[i] = pending.applyAsInt(set[i]) + inSegment.addTo(set[i], 1) - 1;
        }
      }
    });
    return out;
  }

  /** The index of the first value at least 0 in an ascending array (its length if none). */
  static int firstNonNegative(int[] ascending) {
    int lo = 0;
    int hi = ascending.length;
    while (lo < hi) {
      int mid = (lo + hi) >>> 1;
      if (ascending[mid] < 0) {
        lo = mid + 1;
      } else {
        hi = mid;
      }
    }
    return lo;
  }

  /**
   * Step 1d (parallel): the first {@code maxCandidates} candidates of {@code before} (everything
   * indexed before this article: earlier segments and the segment's earlier articles) and their
   * scores. Reads {@code stats} and {@code state} only.
   *
   * @param recentCounts from {@link #recentCounts}
   * @param recentDocs the epoch's adds before this article (pending ones and the segment's)
   * @param sourceOf the source of an indexed article or of one of the segment's, by id; null for
   *     any other
   * @param excluded an id left out of the candidates (a read-only match of an indexed id), or null
   */
  public Scoring score(Prepared p, Fingerprint fp, int[] recentCounts, int recentDocs,
      Statistics stats, Function<String, String> sourceOf, CandidateSource before,
      String excluded) throws IOException {
    PairScorer.Query q = scorer.query(Evidence.of(p.article.id(), fp), p.article.source(),
        stats.frequencies(), stats.docCount(), recentCounts, recentDocs, stats.totals());
    boolean longEnough = scorer.longEnough(p.shingles.length);
    if (!q.canLink()) {
      return new Scoring(p, fp, q, List.of(), Map.of(), longEnough);
    }
    int max = maxCandidates + (excluded == null ? 0 : 1);
    List<Candidate> top = Candidate.top(maxCandidates, excluded,
        before.candidates(q.anchors, max));
    Map<String, MatchScores> scored = new HashMap<>();
    for (Candidate c : top) {
      scored.put(c.id(), scorer.score(q, c.evidence(), sourceOf));
    }
    return new Scoring(p, fp, q, top, scored, longEnough);
  }

  /**
   * Step 2 for one article, in input order: verifies the representatives of linked members'
   * clusters that were not candidates, and applies the {@link ClusterRule} to the cluster state
   * as it stands after the articles before this one.
   *
   * @param all every indexed article, for representatives that were not candidates
   */
  public Decision decide(Scoring s, CandidateSource all, ClusterState state, String excluded)
      throws IOException {
    ClusterRule.Scored exact = ClusterRule.exactCopy(s.textHash, s.longEnough,
        excluded == null ? s.id : excluded, state);
    if (exact != null) {
      return new Decision(s.fp, exact);
    }
    if (!s.query.canLink()) {
      return new Decision(s.fp, null);
    }
    List<ClusterRule.Scored> linked = new ArrayList<>();
    Set<String> seen = new HashSet<>();
    for (Candidate c : s.top) {
      seen.add(c.id());
      add(linked, s.scored.get(c.id()), c.id(), state);
    }
    for (String rep : ClusterRule.representativesToVerify(linked, seen, excluded, state)) {
      Evidence e = all.evidence(rep);
      if (e != null) {
        add(linked, scorer.score(s.query, e, id -> {
          ClusterState.Member m = state.member(id);
          return m == null ? null : m.source();
        }), rep, state);
      }
    }
    return new Decision(s.fp, ClusterRule.choose(linked, state));
  }

  private static void add(List<ClusterRule.Scored> linked, MatchScores m, String id,
      ClusterState state) {
    ClusterState.Member member = m == null ? null : state.member(id); // most pairs do not link
    if (member != null) {
      linked.add(new ClusterRule.Scored(member, m));
    }
  }

}
