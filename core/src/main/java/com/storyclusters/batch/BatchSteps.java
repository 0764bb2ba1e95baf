package com.storyclusters.batch;

import com.storyclusters.Article;
import com.storyclusters.MatchScores;
import com.storyclusters.Settings;
import com.storyclusters.boilerplate.LineCounts;
import com.storyclusters.cluster.Assigner;
import com.storyclusters.cluster.Candidate;
import com.storyclusters.cluster.Epochs;
import com.storyclusters.cluster.Evidence;
import com.storyclusters.cluster.PairScorer;
import com.storyclusters.cluster.ShingleFrequencies;
import com.storyclusters.fingerprint.Fingerprint;
import com.storyclusters.fingerprint.Prepared;
import com.storyclusters.minhash.MinHasher;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Comparator;
import java.util.function.IntUnaryOperator;

/**
 * The library's decisions as steps over a whole input, for batch engines (see the package
 * documentation for the plan). Each step is a function of its arguments: an engine computes the
 * arguments (prefix counts, candidates) with its own joins and calls the step wherever it likes.
 * An input whose ids are distinct, added in order to an empty index, gets from these steps
 * exactly the assignments {@code StoryClusters.addAll} gives it. Immutable and thread-safe; build
 * one per task from the {@link Settings} (the index folder and the storage settings play no part).
 */
public final class BatchSteps {
  private final Settings settings;
  private final PairScorer scorer;
  private final Assigner assigner;
  private final int mask;

  public BatchSteps(Settings s) {
    this.settings = s;
    MinHasher hasher = new MinHasher(s.signatureSize(), s.seed(), s.scheme());
    this.scorer = new PairScorer(s.minScore(), s.minScoreSameSource(), s.leadShingles(),
        s.leadFraction(), s.minLeadShare(), s.minShingles(), s.maxAnchors(),
        s.minContainmentOfNew(), s.minLeadVerbatim());
    this.assigner = new Assigner(scorer, hasher, s.maxShingles(), s.boilerplate(),
        s.maxCandidates());
    this.mask = (1 << s.frequencyBits()) - 1;
  }

  public Settings settings() {
    return settings;
  }

  private Prepared prepare(Article a) {
    return Prepared.of(a, settings.shingleSize(), settings.maxTextChars(),
        settings.fingerprintTitle());
  }

  /**
   * Step 1: an article's lines as the line statistics count them. With boilerplate removal off
   * ({@code Settings.boilerplate()}) the counts are not read: the next step takes nulls.
   */
  public LineQueries lines(Article a) {
    Prepared p = prepare(a);
    return new LineQueries(p.countedLineKeys, p.sourceLineKey, p.lineKey, p.lineTokens,
        p.storyLineKeys);
  }

  /**
   * Whether the boilerplate verdict on a line of {@code tokens} tokens, carried by {@code
   * ofSource} earlier articles of its source and {@code ofAll} of any source, depends on how
   * many stories of the source carry it (one, or two and more): then a batch engine must assume
   * one and check it once the earlier articles' stories are decided.
   */
  public static boolean storyDependent(int tokens, int ofSource, int ofAll) {
    return ofSource >= 2 && !com.storyclusters.boilerplate.BoilerplateFilter.settled(tokens,
        ofSource, ofAll, 1, 1);
  }

  /**
   * Step 2: an article fingerprinted at input position {@code position}, its boilerplate removed
   * by the line counts before it.
   *
   * @param ofSource for each line of {@link #lines}, how many articles before it carry the
   *     line's {@code ofSource} key; null when boilerplate removal is off
   * @param ofAll likewise for the {@code ofAll} key
   * @param severalStories for each line, whether two or more stories of the source carry it
   *     (read only where {@link #storyDependent}); null: none assumed
   */
  public Fingerprinted fingerprint(Article a, long position, int[] ofSource, int[] ofAll,
      boolean[] severalStories) {
    Prepared p = prepare(a);
    LineCounts counts = null;
    int[] dependent = new int[0];
    boolean[] assumed = new boolean[0];
    if (settings.boilerplate()) {
      int[] stories = new int[ofSource.length];
      int[] lines = new int[ofSource.length];
      int n = 0;
      for (int i = 0; i < stories.length; i++) {
        boolean several = severalStories != null && severalStories[i];
        stories[i] = ofSource[i] == 0 ? 0 : several && ofSource[i] >= 2 ? 2 : 1;
        if (!a.source().isEmpty() && storyDependent(p.lineTokens[i], ofSource[i], ofAll[i])) {
          lines[n++] = i;
        }
      }
      dependent = Arrays.copyOf(lines, n);
      assumed = new boolean[n];
      for (int d = 0; d < n; d++) {
        assumed[d] = stories[dependent[d]] >= 2;
      }
      counts = new LineCounts(ofSource, ofAll, stories);
    }
    Fingerprint fp = assigner.fingerprint(p, counts);
    return new Fingerprinted(a.id(), a.source(), position,
        a.published().map(java.time.Instant::toEpochMilli).orElse(Long.MAX_VALUE), p.textHash,
        scorer.longEnough(p.shingles.length), fp.set, fp.leadRanks, fp.length, fp.sketch,
        fp.removed, dependent, assumed);
  }

  /**
   * The frequency-table cell a shingle bumps in row {@code row} (0 or 1): the shingle
   * frequencies an article sees are, per row, the count of shingles in this cell among the sets
   * of the articles before its epoch's start ({@link #epochStart}), combined by {@link
   * #estimate}.
   */
  public int cell(int row, int h) {
    return ShingleFrequencies.cell(row, h, mask);
  }

  /** The frequency estimate from a shingle's two cells' counts (see {@link #cell}). */
  public static int estimate(long count0, long count1) {
    return ShingleFrequencies.estimate(count0, count1);
  }

  /** Where the statistics epoch of input position {@code position} starts. */
  public static long epochStart(long position) {
    return Epochs.start(position);
  }

  /**
   * Step 3: an article's side of its pairs under the statistics of its position.
   *
   * @param frozen for each shingle of {@code fp.set()}, its {@link #estimate} at the epoch start
   * @param recent for each, how many articles from the epoch start up to this one hold it
   */
  public Query query(Fingerprinted fp, int[] frozen, int[] recent) {
    return new Query(fp, frozen, recent);
  }

  /** An article's side of its pairs (step 3). Immutable; not serializable (cheap to rebuild). */
  public final class Query {
    private final Fingerprinted fp;
    private final int[] frozen;
    private final int[] recent;
    private final PairScorer.Query own;

    private Query(Fingerprinted fp, int[] frozen, int[] recent) {
      this.fp = fp;
      this.frozen = frozen;
      this.recent = recent;
      this.own = scorerQuery(h -> frozen[Arrays.binarySearch(fp.set(), h)]);
    }

    private PairScorer.Query scorerQuery(IntUnaryOperator df) {
      long start = epochStart(fp.position());
      return scorer.query(evidence(fp), fp.source(), df, start, recent, fp.position() - start,
          null);
    }

    /** Whether the article can link at all (long enough); if not it has no candidates. */
    public boolean canLink() {
      return own.canLink();
    }

    /**
     * The shingles it looks candidates up by: an earlier article that holds one among its {@link
     * #heldKeys} gets a hit per anchor (see {@link #top}).
     */
    public int[] anchors() {
      return own.anchors.clone();
    }

    /**
     * Whether a pair with {@code other} gets weighed (the scoring's first tests); only those need
     * the other text's frequencies.
     */
    public boolean worthWeighing(Fingerprinted other) {
      return scorer.worthWeighing(own, other.set());
    }

    /**
     * The pair's scores when it links, else null: {@code PairScorer.score}.
     *
     * @param otherFrozen for each shingle of {@code other.set()}, its {@link #estimate} at this
     *     article's epoch start
     */
    public MatchScores score(Fingerprinted other, int[] otherFrozen) {
      int[] mine = fp.set();
      int[] theirs = other.set();
      PairScorer.Query q = scorerQuery(h -> {
        int i = Arrays.binarySearch(theirs, h);
        return i >= 0 ? otherFrozen[i] : frozen[Arrays.binarySearch(mine, h)];
      });
      return scorer.score(q, evidence(other), other.source());
    }
  }

  private static Evidence evidence(Fingerprinted fp) {
    return new Evidence(fp.id(), fp.leadRanks(), fp.length(), fp.set(), fp.sketch());
  }

  /**
   * The candidates an article's pairs are scored with, as indexes into {@code ids}: among the
   * earlier articles with at least one hit (a hit per anchor held), the first {@code Settings.maxCandidates()} by most hits, then smallest
   * id ({@code Candidate.ORDER}).
   */
  public int[] top(String[] ids, int[] hits) {
    int max = settings.maxCandidates();
    // as the candidate index selects: the hit count where the first max end, by a histogram,
    // then only the entries at or above it sorted
    int most = 0;
    for (int h : hits) {
      most = Math.max(most, h);
    }
    int[] histogram = new int[most + 1];
    for (int h : hits) {
      histogram[h]++;
    }
    int boundary = most;
    int above = 0;
    while (boundary > 1 && above + histogram[boundary] < max) {
      above += histogram[boundary--];
    }
    List<Integer> chosen = new ArrayList<>();
    for (int i = 0; i < hits.length; i++) {
      if (hits[i] >= boundary) {
        chosen.add(i);
      }
    }
    chosen.sort(Comparator.comparingInt((Integer i) -> -hits[i])
        .thenComparing(i -> ids[i], Candidate::compareIds));
    int n = Math.min(chosen.size(), max);
    int[] out = new int[n];
    for (int i = 0; i < n; i++) {
      out[i] = chosen.get(i);
    }
    return out;
  }

  /**
   * The shingles an article is found by: a later article whose {@link Query#anchors} hold one
   * gets a hit per shingle held ({@code PairScorer.heldKeys}: the anchor sample of its lead
   * window), distinct, ascending.
   */
  public int[] heldKeys(Fingerprinted fp) {
    return scorer.heldKeys(evidence(fp));
  }
}
