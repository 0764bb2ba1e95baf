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
    private final double[] weights;
    private final double[] leadWeights;
    private final ShingleFrequencies df;
    private final long docCount;
    /** Up to maxAnchors rarest shingles of the anchor sample, lead first (see {@link #anchors}). */
    public final int[] anchors;

    private Query(Evidence fp, String source, ShingleFrequencies df, long docCount,
        int[] recentCounts, long withRecent) {
      this.fp = fp;
      this.source = source;
      this.df = df;
      this.docCount = docCount;
      weights = new double[fp.set().length];
      for (int i = 0; i < weights.length; i++) {
        int recent = recentCounts == null ? 0 : recentCounts[i];
        weights[i] = idf(withRecent, df.estimate(fp.set()[i]) + recent + 1);
      }
      leadWeights = new double[fp.lead().length];
      for (int i = 0; i < leadWeights.length; i++) {
        leadWeights[i] = weights[Arrays.binarySearch(fp.set(), fp.lead()[i])];
      }
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
   */
  public Query query(Evidence article, String source, ShingleFrequencies df, long docCount,
      int[] recentCounts, long recentDocs) {
    return new Query(article, source, df, docCount + 1, recentCounts, docCount + recentDocs + 1);
  }

  /**
   * Scores a pair: the scores when it links, null when it does not. A cheap unweighted overlap and
   * the new text's lead share come first: most candidates share a few common shingles only.
   */
  public MatchScores score(Query q, Evidence c, String candidateSource) {
    Evidence fp = q.fp;
    int common = Fingerprint.intersectionSize(fp.set(), c.set());
    double plain = (double) common / Math.max(1, Math.min(fp.set().length, c.set().length));
    if (plain < MIN_PLAIN_OVERLAP || !mayLink(fp.lead(), q.leadWeights, fp.length(), c.set())) {
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
    return verify(fp.lead(), fp.length(), fp.set(), q.weights, c.lead(), c.length(), c.set(),
        h -> idf(n, df.estimate(h)), minHashJaccard,
        !q.source.isEmpty() && q.source.equals(candidateSource));
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
   * Scores a pair. {@code weightsA[i]} is the weight of {@code setA[i]} (looked up once per new
   * article, not once per candidate); {@code weightOfOther} weighs the shingles only B has (the
   * new article counts in the frequency of its own shingles, so the two may differ). {@code
   * sameSource}: both articles come from one (named) source, whose house style, datelines and
   * recurring formulas (daily market reports, match reports of one series) make its own articles
   * alike without being copies: such pairs need {@code minScoreSameSource}.
   */
  public MatchScores verify(int[] leadA, int lengthA, int[] setA, double[] weightsA, int[] leadB,
      int lengthB, int[] setB, IntToDoubleFunction weightOfOther, double minHashJaccard,
      boolean sameSource) {
    double weightA = 0;
    double weightB = 0;
    double shared = 0;
    int common = 0;
    int i = 0;
    int j = 0;
    while (i < setA.length && j < setB.length) {
      int a = setA[i];
      int b = setB[j];
      if (a < b) {
        weightA += weightsA[i++];
      } else if (a > b) {
        weightB += weightOfOther.applyAsDouble(b);
        j++;
      } else {
        double w = weightsA[i++];
        weightA += w;
        weightB += w;
        shared += w;
        common++;
        j++;
      }
    }
    while (i < setA.length) {
      weightA += weightsA[i++];
    }
    while (j < setB.length) {
      weightB += weightOfOther.applyAsDouble(setB[j++]);
    }
    double cA = weightA == 0 ? 0 : shared / weightA;
    double cB = weightB == 0 ? 0 : shared / weightB;
    double score = Math.max(cA, cB);
    int union = setA.length + setB.length - common;
    double jaccard = union == 0 ? 0 : (double) common / union;
    boolean bigEnough = setA.length >= minShingles && setB.length >= minShingles
        && score >= (sameSource ? minScoreSameSource : minScore);
    if (!bigEnough) { // the lead is only looked at when the score already passes
      return new MatchScores(clip(score), clip(cA), clip(cB), jaccard, minHashJaccard, -1, -1, 0,
          0, false);
    }
    int runA = firstSharedRun(leadA, setB);
    int runB = firstSharedRun(leadB, setA);
    IntToDoubleFunction weightOfA = h -> weightsA[Arrays.binarySearch(setA, h)];
    double leadShareA = leadShare(leadA, lengthA, setB, weightOfA);
    double leadShareB = leadShare(leadB, lengthB, setA, h -> {
      int k = Arrays.binarySearch(setA, h);
      return k >= 0 ? weightsA[k] : weightOfOther.applyAsDouble(h);
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
   * {@code otherSet}.
   */
  double leadShare(int[] lead, int length, int[] otherSet, IntToDoubleFunction idf) {
    int window = window(lead, length);
    double total = 0;
    double shared = 0;
    for (int p = 0; p < window; p++) {
      double w = idf.applyAsDouble(lead[p]);
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
