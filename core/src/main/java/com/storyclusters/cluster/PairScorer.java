package com.storyclusters.cluster;

import com.storyclusters.MatchScores;
import com.storyclusters.fingerprint.Fingerprint;
import java.util.Arrays;
import java.util.function.IntToDoubleFunction;

/**
 * The pair scoring, in one place: whether a new article and an indexed one are copies of one text,
 * and the rarest shingles a new article looks its candidates up by. Immutable and thread-safe.
 *
 * <p>Score: IDF-weighted containment of the smaller shingle set in the larger, {@code Σ_{A∩B} idf /
 * min(Σ_A idf, Σ_B idf)}, so shingles that recur across the corpus (boilerplate, stock phrases)
 * weigh little and shingles that only the two texts share weigh most. Lead rule: in each text the
 * first run of {@link #RUN} consecutive shared shingles must start within the lead window, {@code
 * max(leadShingles, leadFraction * length)}: copies share their beginning, while a page that
 * carries another story further down (related articles), or two reports that quote the same
 * statement, do not. Texts with fewer than {@code minShingles} distinct shingles never link.
 */
public final class PairScorer {
  static final int RUN = 3;

  private final double minScore;
  private final double minScoreSameSource;
  private final int leadShingles;
  private final double leadFraction;
  private final double minLeadShare;
  private final int minShingles;
  private final int maxAnchors;

  public PairScorer(double minScore, double minScoreSameSource, int leadShingles,
      double leadFraction, double minLeadShare, int minShingles, int maxAnchors) {
    this.maxAnchors = maxAnchors;
    this.minScore = minScore;
    this.minScoreSameSource = Math.max(minScore, minScoreSameSource);
    this.minLeadShare = minLeadShare;
    this.leadShingles = leadShingles;
    this.leadFraction = leadFraction;
    this.minShingles = minShingles;
  }

  /**
   * Candidates sharing less than this share of the smaller shingle set are not weighed: no pair
   * under it reached the weighted threshold on the development data (IDF weighting raises
   * containment by a factor of about two at most there).
   */
  static final double MIN_PLAIN_OVERLAP = 0.08;
  /**
   * Anchors drawn from the lead window first: a page that carries other stories after its own
   * (related articles) holds their rarest shingles too, which would otherwise take every anchor and
   * find only those stories' articles, never the page's headline story (on the generated corpus:
   * recall 0.969 → 0.986; COUNTER unchanged).
   */
  static final int LEAD_ANCHORS = 16;
  /** Shingles in more articles than this are not anchors: they find too many candidates. */
  static final int MAX_ANCHOR_FREQUENCY = 256;

  /**
   * A new article's side of every pair, computed once per article: the IDF weight of each of its
   * shingles and lead shingles under its epoch's statistics (the article counts in the frequency of
   * its own shingles), and its anchors. Immutable.
   */
  public final class Query {
    private final Evidence fp;
    private final String source;
    private final Side side;
    private final ShingleFrequencies df;
    private final long docCount;
    /** Up to maxAnchors rarest shingles of the anchor sample, lead first (see {@link #anchors}). */
    public final int[] anchors;
    /** Indexed articles' weights as the other text, by id, for the statistics in use; or null. */
    private final java.util.Map<String, Double> totals;

    private Query(Evidence fp, String source, ShingleFrequencies df, long docCount,
        int[] recentCounts, long withRecent, java.util.Map<String, Double> totals) {
      this.fp = fp;
      this.totals = totals;
      this.source = source;
      this.df = df;
      this.docCount = docCount;
      double[] weights = new double[fp.set().length];
      double[] otherWeights = new double[weights.length];
      for (int i = 0; i < weights.length; i++) {
        int frozen = df.estimate(fp.set()[i]);
        int recent = recentCounts == null ? 0 : recentCounts[i];
        weights[i] = idf(withRecent, frozen + recent + 1);
        otherWeights[i] = idf(docCount, frozen);
      }
      double[] leadWeights = new double[fp.lead().length];
      for (int i = 0; i < leadWeights.length; i++) {
        leadWeights[i] = weights[Arrays.binarySearch(fp.set(), fp.lead()[i])];
      }
      side = new Side(fp.lead(), leadWeights, fp.length(), fp.set(), weights, otherWeights);
      anchors = anchors(fp, h -> {
        int i = Arrays.binarySearch(fp.set(), h);
        return df.estimate(h) + (recentCounts == null || i < 0 ? 0 : recentCounts[i]);
      });
    }

    /** Whether the article is long enough to link at all. */
    public boolean canLink() {
      return fp.set().length >= minShingles;
    }
  }

  /**
   * The query of an article of {@code source} under statistics {@code df} counting {@code
   * docCount} articles (the article itself not among them). The article's own shingles are
   * weighed, and its anchors chosen, with the recent adds that {@code df} does not count yet; the
   * other text's shingles by {@code df} alone.
   *
   * @param recentCounts for each shingle of the article's set, how many of the recent adds hold
   *     it; null: none
   * @param recentDocs the number of recent adds
   * @param totals a cache of indexed articles' weight sums under {@code df} and {@code docCount}
   *     (cleared whenever they change), shared by the queries of one epoch; null: none
   */
  public Query query(Evidence article, String source, ShingleFrequencies df, long docCount,
      int[] recentCounts, long recentDocs, java.util.Map<String, Double> totals) {
    return new Query(article, source, df, docCount + 1, recentCounts, docCount + recentDocs + 1,
        totals);
  }

  /**
   * Scores a pair: the scores when it links, null when it does not. A cheap unweighted overlap and
   * the new text's lead share come first: most candidates share a few common shingles only.
   */
  public MatchScores score(Query q, Evidence c, String candidateSource) {
    Evidence fp = q.fp;
    int common = Fingerprint.intersectionSize(fp.set(), c.set());
    double plain = (double) common / Math.max(1, Math.min(fp.set().length, c.set().length));
    if (plain < MIN_PLAIN_OVERLAP
        || !mayLink(fp.lead(), q.side.leadWeights(), fp.length(), c.set())) {
      return null;
    }
    MatchScores s = scores(q, c, candidateSource);
    return s.linked() ? s : null;
  }

  /** The full scores of a pair, linked or not (for explanations). */
  public MatchScores scores(Query q, Evidence c, String candidateSource) {
    Evidence fp = q.fp;
    double minHashJaccard = Fingerprint.sketchJaccard(fp.sketch(), fp.set().length, c.sketch(),
        c.set().length);
    long n = q.docCount;
    ShingleFrequencies df = q.df;
    IntToDoubleFunction weightOfOther = h -> idf(n, df.estimate(h));
    double total = q.totals == null ? totalWeight(c.set(), weightOfOther)
        : q.totals.computeIfAbsent(c.id(), id -> totalWeight(c.set(), weightOfOther));
    return verify(q.side, c.lead(), c.length(), c.set(), total, weightOfOther, minHashJaccard,
        !q.source.isEmpty() && q.source.equals(candidateSource));
  }

  /** The sum of a set's weights, in set order. */
  static double totalWeight(int[] set, IntToDoubleFunction weight) {
    double total = 0;
    for (int h : set) {
      total += weight.applyAsDouble(h);
    }
    return total;
  }

  /**
   * Up to {@code maxAnchors} shingles of the anchor sample ({@link Fingerprint#sampled}) that at
   * least one indexed article holds by {@code df} (the frequency estimate and the recent counts): the {@link #LEAD_ANCHORS} rarest of
   * the lead window, then the rarest of the whole text.
   */
  private int[] anchors(Evidence fp, java.util.function.IntUnaryOperator df) {
    long[] lead = rarest(fp.lead(), Math.min(fp.lead().length, (int) Math.max(leadShingles,
        leadFraction * fp.length())), df);
    int fromLead = Math.min(lead.length, Math.min(LEAD_ANCHORS, maxAnchors));
    long[] all = rarest(fp.set(), fp.set().length, df);
    int[] out = new int[maxAnchors];
    int n = 0;
    for (int i = 0; i < fromLead; i++) {
      out[n++] = (int) lead[i];
    }
    int[] fromTheLead = Arrays.copyOf(out, n);
    Arrays.sort(fromTheLead);
    for (int i = 0; i < all.length && n < out.length; i++) {
      if (Arrays.binarySearch(fromTheLead, (int) all[i]) < 0) {
        out[n++] = (int) all[i];
      }
    }
    return Arrays.copyOf(out, n);
  }

  /**
   * The distinct sampled shingles among {@code shingles[0, n)} held by 1 to {@link
   * #MAX_ANCHOR_FREQUENCY} articles (by the frequency estimate), rarest first, then by value; each
   * packed as {@code df << 32 | value}.
   */
  private static long[] rarest(int[] shingles, int n, java.util.function.IntUnaryOperator docFreq) {
    long[] packed = new long[n];
    int m = 0;
    for (int k = 0; k < n; k++) {
      int h = shingles[k];
      if (!Fingerprint.sampled(h)) {
        continue;
      }
      int df = docFreq.applyAsInt(h);
      if (df >= 1 && df <= MAX_ANCHOR_FREQUENCY) {
        packed[m++] = ((long) df << 32) | (h & 0xFFFFFFFFL);
      }
    }
    Arrays.sort(packed, 0, m);
    int d = 0;
    for (int k = 0; k < m; k++) {
      if (k == 0 || packed[k] != packed[k - 1]) {
        packed[d++] = packed[k];
      }
    }
    return Arrays.copyOf(packed, d);
  }

  /**
   * A new article's side of a pair: its lead and set, the weight of each shingle as its own
   * (counted with the article) and as the other text's would be weighed (by the frozen table
   * alone). Arrays are not written after construction.
   */
  record Side(int[] lead, double[] leadWeights, int length, int[] set, double[] weights,
      double[] otherWeights) {}

  /**
   * Scores a pair. A's shingles weigh {@code a.weights()}; B's own shingles weigh by {@code
   * weightOfOther}, whose sum over B's set is {@code otherTotalB} (computed once per indexed
   * article and epoch, so that a pair's merge looks nothing up): B's weight is that sum with its
   * shared shingles re-weighed as A's. {@code sameSource}: both articles come from one (named)
   * source, whose house style, datelines and recurring formulas (daily market reports, match
   * reports of one series) make its own articles alike without being copies: such pairs need
   * {@code minScoreSameSource}.
   */
  MatchScores verify(Side a, int[] leadB, int lengthB, int[] setB, double otherTotalB,
      IntToDoubleFunction weightOfOther, double minHashJaccard, boolean sameSource) {
    int[] setA = a.set();
    double[] weightsA = a.weights();
    double weightA = 0;
    double reweighed = 0;
    double shared = 0;
    int common = 0;
    int i = 0;
    int j = 0;
    while (i < setA.length && j < setB.length) {
      int x = setA[i];
      int y = setB[j];
      if (x < y) {
        weightA += weightsA[i++];
      } else if (x > y) {
        j++;
      } else {
        double w = weightsA[i];
        weightA += w;
        shared += w;
        reweighed += w - a.otherWeights()[i];
        common++;
        i++;
        j++;
      }
    }
    while (i < setA.length) {
      weightA += weightsA[i++];
    }
    double weightB = otherTotalB + reweighed;
    double cA = weightA == 0 ? 0 : shared / weightA;
    double cB = weightB <= 0 ? 0 : shared / weightB;
    double score = Math.max(cA, cB);
    int union = setA.length + setB.length - common;
    double jaccard = union == 0 ? 0 : (double) common / union;
    boolean bigEnough = setA.length >= minShingles && setB.length >= minShingles
        && score >= (sameSource ? minScoreSameSource : minScore);
    if (!bigEnough) { // the lead is only looked at when the score already passes
      return new MatchScores(clip(score), clip(cA), clip(cB), jaccard, minHashJaccard, -1, -1, 0,
          0, false);
    }
    int runA = firstSharedRun(a.lead(), setB);
    int runB = firstSharedRun(leadB, setA);
    double leadShareA = leadShare(a.lead(), a.length(), setB, p -> a.leadWeights()[p]);
    double leadShareB = leadShare(leadB, lengthB, setA, p -> {
      int k = Arrays.binarySearch(setA, leadB[p]);
      return k >= 0 ? weightsA[k] : weightOfOther.applyAsDouble(leadB[p]);
    });
    boolean linked = leadShareA >= minLeadShare && leadShareB >= minLeadShare;
    return new MatchScores(clip(score), clip(cA), clip(cB), jaccard, minHashJaccard, runA, runB,
        clip(leadShareA), clip(leadShareB), linked);
  }

  private static double clip(double v) {
    return Math.min(1, Math.max(0, v));
  }

  /**
   * Whether a pair can link at all, from the new text's side alone: its lead share in {@code
   * setB} (the same sum {@link #verify} computes, from weights looked up once per new text) must
   * reach {@code minLeadShare}. Most candidates share common phrases further down but not the lead:
   * this rejects them before the weighted merge, which looks up the weight of every shingle only B
   * has. Exact: {@code verify} never links a pair this rejects.
   *
   * @param leadWeightsA the weight of each of {@code leadA}'s shingles, in lead order
   */
  boolean mayLink(int[] leadA, double[] leadWeightsA, int lengthA, int[] setB) {
    int window = window(leadA, lengthA);
    double total = 0;
    double shared = 0;
    for (int p = 0; p < window; p++) {
      double w = leadWeightsA[p];
      total += w;
      if (Arrays.binarySearch(setB, leadA[p]) >= 0) {
        shared += w;
      }
    }
    return (total == 0 ? 0 : shared / total) >= minLeadShare;
  }

  private int window(int[] lead, int length) {
    return (int) Math.min(lead.length, Math.min(length,
        Math.max(leadShingles, leadFraction * length)));
  }

  /**
   * IDF-weighted share of the lead window of a text of {@code length} shingles (its first {@code
   * max(leadShingles, leadFraction * length)} shingles, which {@code lead} holds) that occurs in
   * {@code otherSet}; {@code weightAt(p)} weighs {@code lead[p]}.
   */
  double leadShare(int[] lead, int length, int[] otherSet, java.util.function.IntToDoubleFunction
      weightAt) {
    int window = window(lead, length);
    double total = 0;
    double shared = 0;
    for (int p = 0; p < window; p++) {
      double w = weightAt.applyAsDouble(p);
      total += w;
      if (Arrays.binarySearch(otherSet, lead[p]) >= 0) {
        shared += w;
      }
    }
    return total == 0 ? 0 : shared / total;
  }

  /**
   * Position of the first run of RUN consecutive shingles of seq found in set; -1 if none. Called
   * with a text's lead ({@link Fingerprint#leadLength}), so runs further on are not seen.
   */
  static int firstSharedRun(int[] seq, int[] set) {
    int run = 0;
    int need = Math.min(RUN, seq.length);
    for (int p = 0; p < seq.length; p++) {
      if (Arrays.binarySearch(set, seq[p]) >= 0) {
        run++;
        if (run >= need && need > 0) {
          return p - need + 1;
        }
      } else {
        run = 0;
      }
    }
    return -1;
  }

  /**
   * The shingle weight: inverse document frequency {@code ln((N + 1) / df)}, with df clipped to
   * [1, N], so it is always positive: a text whose every shingle occurs in every article still has
   * weight.
   */
  public static double idf(long docCount, long docFreq) {
    long n = Math.max(1, docCount);
    long df = Math.min(Math.max(1, docFreq), n);
    return Math.log(n + 1.0) - log(df);
  }

  private static final double[] LOGS = new double[1 << 16];

  static {
    for (int i = 1; i < LOGS.length; i++) {
      LOGS[i] = Math.log(i);
    }
  }

  private static double log(long x) {
    return x < LOGS.length ? LOGS[(int) x] : Math.log(x);
  }
}
