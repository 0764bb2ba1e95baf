package com.storyclusters.cluster;

import com.storyclusters.MatchScores;
import com.storyclusters.fingerprint.Fingerprint;
import java.util.function.IntToDoubleFunction;

/**
 * The pair scoring, in one place: whether a new article and an indexed one are copies of one text,
 * and the rarest shingles a new article looks its candidates up by. Immutable and thread-safe.
 *
 * <p>Score: IDF-weighted containment of the smaller shingle set in the larger, {@code Σ_{A∩B} idf /
 * min(Σ_A idf, Σ_B idf)}, so shingles that recur across the corpus (boilerplate, stock phrases)
 * weigh little and shingles that only the two texts share weigh most. Lead rule: in each text the
 * first run of {@link Leads#RUN} consecutive shared shingles must start within the lead window, {@code
 * max(leadShingles, leadFraction * length)}: copies share their beginning, while a page that
 * carries another story further down (related articles), or two reports that quote the same
 * statement, do not. Texts with fewer than {@code minShingles} distinct shingles never link.
 */
public final class PairScorer {

  private final double minScore;
  private final double minScoreSameSource;
  private final int leadShingles;
  private final double leadFraction;
  private final double minLeadShare;
  private final int minShingles;
  private final int maxAnchors;
  private final double minContainmentOfNew;
  private final double minLeadVerbatim;

  public PairScorer(double minScore, double minScoreSameSource, int leadShingles,
      double leadFraction, double minLeadShare, int minShingles, int maxAnchors) {
    this(minScore, minScoreSameSource, leadShingles, leadFraction, minLeadShare, minShingles,
        maxAnchors, 0, 1);
  }

  /**
   * @param minContainmentOfNew the weighted containment in the match that a new text longer than
   *     the match needs, unless a lead is carried verbatim
   * @param minLeadVerbatim a lead lies in verbatim runs for this share of its length
   */
  public PairScorer(double minScore, double minScoreSameSource, int leadShingles,
      double leadFraction, double minLeadShare, int minShingles, int maxAnchors,
      double minContainmentOfNew, double minLeadVerbatim) {
    this.minContainmentOfNew = minContainmentOfNew;
    this.minLeadVerbatim = minLeadVerbatim;
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
   * A new article's side of every pair, computed once per article: the IDF weight of each of its
   * shingles and lead shingles under its epoch's statistics (the article counts in the frequency of
   * its own shingles), and its anchors. Immutable.
   */
  public final class Query {
    private final Evidence fp;
    private final String source;
    private final Side side;
    /** The frozen statistics' document frequency of a shingle (either text's). */
    private final java.util.function.IntUnaryOperator df;
    /** The frozen table {@code df} reads, for estimates in bulk; null when {@code df} is given. */
    private final ShingleFrequencies table;
    private final long docCount;
    /** Up to maxAnchors rarest shingles of the anchor sample, lead first (see {@link #anchors}). */
    public final int[] anchors;
    /** Indexed articles' weights as the other text, by id, for the statistics in use; or null. */
    private final java.util.Map<String, Double> totals;

    private Query(Evidence fp, String source, java.util.function.IntUnaryOperator df,
        ShingleFrequencies table, long docCount,
        int[] recentCounts, long withRecent, java.util.Map<String, Double> totals) {
      this.table = table;
      this.fp = fp;
      this.totals = totals;
      this.source = source;
      this.df = df;
      this.docCount = docCount;
      int[] set = fp.set();
      int[] frozenCounts = table == null ? null : table.estimates(set);
      double[] weights = new double[set.length];
      double[] otherWeights = new double[weights.length];
      int[] counts = new int[set.length]; // frozen and recent: what anchors are chosen by
      double total = 0;
      Idf.ForCount own = new Idf.ForCount(withRecent);
      Idf.ForCount other = new Idf.ForCount(docCount);
      for (int i = 0; i < weights.length; i++) {
        int frozen = frozenCounts != null ? frozenCounts[i] : df.applyAsInt(set[i]);
        int recent = recentCounts == null ? 0 : recentCounts[i];
        weights[i] = own.of(frozen + recent + 1);
        otherWeights[i] = other.of(frozen);
        counts[i] = frozen + recent;
        total += weights[i];
      }
      int[] ranks = fp.leadRanks();
      side = new Side(ranks, fp.length(), set, weights, otherWeights, total,
          Leads.distinctSorted(ranks, window(ranks.length, fp.length())));
      anchors = Anchors.chosen(fp, counts, Math.min(ranks.length, (int) Math.max(leadShingles,
          leadFraction * fp.length())), maxAnchors);
    }

    /**
     * The sum of another text's weights under the frozen statistics, in set order: its shingles'
     * estimates read in bulk when the table is at hand ({@link ShingleFrequencies#estimates}).
     */
    double totalWeight(int[] set, Idf.ForCount idf) {
      if (table == null) {
        return PairScorer.totalWeight(set, h -> idf.of(df.applyAsInt(h)));
      }
      int[] estimates = table.estimates(set);
      double total = 0;
      for (int e : estimates) {
        total += idf.of(e);
      }
      return total;
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
    return new Query(article, source, df::estimate, df, docCount + 1, recentCounts,
        docCount + recentDocs + 1, totals);
  }

  /**
   * {@link #query(Evidence, String, ShingleFrequencies, long, int[], long, java.util.Map)} with the
   * frozen statistics given as a function: the estimate a {@link ShingleFrequencies} would give
   * for any shingle of either text of the pairs scored (a batch engine computes those it needs).
   */
  public Query query(Evidence article, String source, java.util.function.IntUnaryOperator df,
      long docCount, int[] recentCounts, long recentDocs, java.util.Map<String, Double> totals) {
    return new Query(article, source, df, null, docCount + 1, recentCounts,
        docCount + recentDocs + 1, totals);
  }

  /**
   * Scores a pair: the scores when it links, null when it does not. The new text's lead share
   * comes first, found without merging the sets (9 of 10 candidates on a generated corpus share a
   * few common phrases but not the lead), then a cheap unweighted overlap.
   */
  public MatchScores score(Query q, Evidence c, String candidateSource) {
    String source = candidateSource == null ? "" : candidateSource; // null names no source
    return score(q, c, id -> source);
  }

  /**
   * {@link #score(Query, Evidence, String)} with the candidate's source given by id, asked for
   * only for the pairs past the first tests (a look-up in a large map is a cache miss, and most
   * candidates stop at the lead test); null also when {@code sourceOf} gives null.
   */
  public MatchScores score(Query q, Evidence c,
      java.util.function.Function<String, String> sourceOf) {
    // the lead test reads the candidate's set where it lies; the arrays are read past it only
    SetMerge merge = Scratch.current().merge; // once per pair
    SetMerge m = mayLink(q.side, c, merge) ? overlapping(q, c.set(), merge) : null;
    if (m == null) {
      return null;
    }
    String candidateSource = sourceOf.apply(c.id());
    if (candidateSource == null) {
      return null;
    }
    MatchScores s = scores(q, c, candidateSource, m);
    return s.linked() ? s : null;
  }

  /**
   * Whether {@link #score} weighs a pair at all: the first tests, which read the new text's own
   * weights and the other's set only (a batch engine fetches the other text's frequencies for
   * these pairs alone).
   */
  public boolean worthWeighing(Query q, int[] otherSet) {
    SetMerge merge = Scratch.current().merge;
    return mayLink(q.side, java.nio.IntBuffer.wrap(otherSet), merge)
        && overlapping(q, otherSet, merge) != null;
  }

  /** The merged sets when they overlap enough to be weighed ({@link #MIN_PLAIN_OVERLAP}). */
  private SetMerge overlapping(Query q, int[] otherSet, SetMerge merge) {
    Side a = q.side;
    SetMerge m = merge.of(a.set(), otherSet);
    double plain = (double) m.common / Math.max(1, Math.min(a.set().length, otherSet.length));
    return plain < MIN_PLAIN_OVERLAP ? null : m;
  }

  /** The full scores of a pair, linked or not (for explanations). */
  public MatchScores scores(Query q, Evidence c, String candidateSource) {
    return scores(q, c, candidateSource, Scratch.current().merge.of(q.side.set(), c.set()));
  }

  private MatchScores scores(Query q, Evidence c, String candidateSource, SetMerge m) {
    Evidence fp = q.fp;
    // with no two sketches to compare (a format-7 document has none), the sets' exact Jaccard
    double minHashJaccard = fp.sketch().length == 0 || fp.sketch().length != c.sketch().length
        ? jaccard(m.common, fp.set().length, c.set().length)
        : Fingerprint.sketchJaccard(fp.sketch(), fp.set().length, c.sketch(), c.set().length);
    Idf.ForCount idf = new Idf.ForCount(q.docCount);
    java.util.function.IntUnaryOperator df = q.df;
    IntToDoubleFunction weightOfOther = h -> idf.of(df.applyAsInt(h));
    double total = q.totals == null ? q.totalWeight(c.set(), idf)
        : q.totals.computeIfAbsent(c.id(), id -> q.totalWeight(c.set(), idf));
    return verify(q.side, c, total, weightOfOther, minHashJaccard,
        sameSource(q.source, candidateSource), m);
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
   * A new article's side of a pair: its lead as ranks into its set, its set, the weight of each
   * shingle as its own (counted with the article) and as the other text's would be weighed (by
   * the frozen table alone), and the sum of its own weights in set order. Arrays are not written
   * after construction.
   */
  record Side(int[] leadRanks, int length, int[] set, double[] weights, double[] otherWeights,
      double total, int[] leadSet) {
    /** A side whose lead set is every lead rank's (a superset of any window's). */
    Side(int[] leadRanks, int length, int[] set, double[] weights, double[] otherWeights,
        double total) {
      this(leadRanks, length, set, weights, otherWeights, total,
          Leads.distinctSorted(leadRanks, leadRanks.length));
    }
  }

  /**
   * Scores a pair (merging the two sets first). A's shingles weigh {@code a.weights()}; B's own
   * shingles weigh by {@code weightOfOther}, whose sum over B's set is {@code otherTotalB}.
   */
  MatchScores verify(Side a, Evidence b, double otherTotalB, IntToDoubleFunction weightOfOther,
      double minHashJaccard, boolean sameSource) {
    return verify(a, b, otherTotalB, weightOfOther, minHashJaccard, sameSource,
        Scratch.current().merge.of(a.set(), b.set()));
  }

  /**
   * Scores a pair whose sets {@code m} merged. A's shingles weigh {@code a.weights()}; B's own
   * shingles weigh by {@code weightOfOther}, whose sum over B's set is {@code otherTotalB}
   * (computed once per indexed article and epoch, so that a pair looks nothing up): B's weight is
   * that sum with its shared shingles re-weighed as A's. {@code sameSource}: both articles come
   * from one (named) source, whose house style, datelines and recurring formulas (daily market
   * reports, match reports of one series) make its own articles alike without being copies: such
   * pairs need {@link #sameSourceAlike}.
   */
  private MatchScores verify(Side a, Evidence b, double otherTotalB,
      IntToDoubleFunction weightOfOther, double minHashJaccard, boolean sameSource, SetMerge m) {
    int[] setA = a.set();
    int[] setB = b.set();
    double[] weightsA = a.weights();
    double[] otherA = a.otherWeights();
    boolean[] inB = m.inB;
    double reweighed = 0;
    double shared = 0;
    for (int i = 0; i < setA.length; i++) { // in set order, as the sums always were
      if (inB[i]) {
        double w = weightsA[i];
        shared += w;
        reweighed += w - otherA[i];
      }
    }
    double weightA = a.total();
    double weightB = otherTotalB + reweighed;
    double cA = weightA == 0 ? 0 : shared / weightA;
    double cB = weightB <= 0 ? 0 : shared / weightB;
    double score = Math.max(cA, cB);
    double jaccard = jaccard(m.common, setA.length, setB.length);
    boolean bigEnough = setA.length >= minShingles && setB.length >= minShingles
        && score >= minScore;
    if (!bigEnough) { // the lead is only looked at when the score already passes
      return new MatchScores(clip(score), clip(cA), clip(cB), jaccard, minHashJaccard, -1, -1, 0,
          0, 0, false);
    }
    int[] leadB = b.leadRanks();
    int runA = Leads.firstSharedRun(a.leadRanks(), p -> inB[p]);
    int runB = Leads.firstSharedRun(leadB, p -> m.inA[p] >= 0);
    double leadShareA = leadShareA(a, m);
    double leadShareB = leadShareB(b, m, weightsA, weightOfOther);
    double verbatim = Math.max(Leads.verbatimShare(a.leadRanks(), p -> inB[p]),
        Leads.verbatimShare(leadB, p -> m.inA[p] >= 0));
    boolean linked = leadShareA >= minLeadShare && leadShareB >= minLeadShare
        && (!sameSource
            || sameSourceAlike(score, verbatim, runA, runB, minScoreSameSource, minLeadVerbatim))
        && insideMatch(cA, cB, verbatim, minContainmentOfNew, minLeadVerbatim)
        && !Leads.crossCarried(a.leadRanks(), window(a.leadRanks().length, a.length()),
            setA.length, leadB, window(leadB.length, b.length()), m);
    return new MatchScores(clip(score), clip(cA), clip(cB), jaccard, minHashJaccard, runA, runB,
        clip(leadShareA), clip(leadShareB), verbatim, linked);
  }

  /** The Jaccard similarity of two sets of these sizes sharing {@code common} values; 0 if empty. */
  static double jaccard(int common, int sizeA, int sizeB) {
    int union = sizeA + sizeB - common;
    return union == 0 ? 0 : (double) common / union;
  }

  /** Whether two articles come from one named source (an empty source names none). */
  public static boolean sameSource(String sourceA, String sourceB) {
    return !sourceA.isEmpty() && sourceA.equals(sourceB);
  }

  /**
   * Whether two articles of one named source are alike enough, the rule written once (explain
   * reads it from the recorded scores): a publisher's own articles share datelines, house style
   * and recurring formulas without being copies, so such a pair needs {@code minScoreSameSource}
   * of weighted containment, or the same opening: both texts open with the text they share (each
   * one's first shared run within its first {@link #OPENING_SHINGLES} lead shingles) and a lead
   * is carried verbatim. That is one page published again with other stories appended (related
   * articles, a live page), which shares its whole lead word for word but little else; the
   * site's daily reports share formulas but not a whole lead, and a short page with another of
   * the site's stories appended opens with its own text.
   *
   * @param firstRunOfNew the first shared run in the new text's lead ({@link
   *     MatchScores#leadOfNew}), -1 if none
   * @param firstRunOfMatch the same in the match's lead
   */
  public static boolean sameSourceAlike(double score, double leadVerbatim, int firstRunOfNew,
      int firstRunOfMatch, double minScoreSameSource, double minLeadVerbatim) {
    return score >= minScoreSameSource || leadVerbatim >= minLeadVerbatim
        && opens(firstRunOfNew) && opens(firstRunOfMatch);
  }

  /** A text opens with the shared text when its first shared run starts before this shingle. */
  public static final int OPENING_SHINGLES = Leads.VERBATIM_RUN;

  private static boolean opens(int firstRun) {
    return firstRun >= 0 && firstRun < OPENING_SHINGLES;
  }

  /**
   * Which text is inside which, the rule written once (explain reads it from the recorded
   * scores): the new text is the shorter of the two by weight (its containment is then the score,
   * which {@code minScore} already bounds), or a longer new text is at least {@code
   * minContainmentOfNew} made of the match, or a lead is carried verbatim.
   */
  public static boolean insideMatch(double containmentOfNew, double containmentOfMatch,
      double leadVerbatim, double minContainmentOfNew, double minLeadVerbatim) {
    return containmentOfNew >= containmentOfMatch || containmentOfNew >= minContainmentOfNew
        || leadVerbatim >= minLeadVerbatim;
  }

  private static double clip(double v) {
    return Math.min(1, Math.max(0, v));
  }

  /**
   * The shingles an indexed article is found by ({@link Anchors#held}): the anchor sample of its
   * lead window, the window this scoring's lead rule reads.
   */
  public int[] heldKeys(Evidence e) {
    return Anchors.held(e, window(e.leadRanks().length, e.length()));
  }

  /** Whether a text of this many shingles is long enough to match anything. */
  public boolean longEnough(int shingles) {
    return shingles >= minShingles;
  }

  /**
   * Whether a pair can link at all, from the new text's side alone: its lead share in {@code
   * setB} (the same sum {@link #verify} computes, from weights looked up once per new text) must
   * reach {@code minLeadShare}. Most candidates share common phrases further down but not the lead:
   * this rejects them before the sets are merged and the weighted sums, which look up the weight
   * of every shingle only B has, are taken. Exact: the lead's shingles are looked up in B (a
   * gallop per shingle, {@link SetMerge#ofLead}) and summed in lead order as {@code verify} sums
   * them, so {@code verify} never links a pair this rejects.
   */
  boolean mayLink(Side a, int[] setB) {
    return mayLink(a, java.nio.IntBuffer.wrap(setB), Scratch.current().merge);
  }

  /**
   * {@link #mayLink(Side, int[])} of B's evidence: on its filter first, when it has one ({@link
   * Evidence#filtered}). The share of A's lead the filter may hold, summed in the same order, is
   * never less than the share B holds (it adds only non-negative weights to the same sums), so a
   * pair the filter rules out is one the set would; only the others are searched in the set.
   */
  boolean mayLink(Side a, Evidence b) {
    return mayLink(a, b, Scratch.current().merge);
  }

  private boolean mayLink(Side a, Evidence b, SetMerge merge) {
    return !ruledOutByFilter(a, b, merge) && mayLink(a, b.setView(), merge);
  }

  /**
   * Whether B's filter alone shows that B holds too little of A's lead: false when B has no
   * filter. Never true for a pair {@link #mayLink(Side, int[])} lets through.
   */
  boolean ruledOutByFilter(Side a, Evidence b, SetMerge merge) {
    return b.filtered() && !leadShareReached(a, merge.ofLeadFilter(a.set(), a.leadSet(), b));
  }

  /** {@link #mayLink(Side, int[])} with B's set read where it lies. */
  private boolean mayLink(Side a, java.nio.IntBuffer setB, SetMerge merge) {
    return leadShareReached(a, merge.ofLead(a.set(), a.leadSet(), setB));
  }

  /** Whether the lead marks {@code m} holds reach {@code minLeadShare}; clears the marks. */
  private boolean leadShareReached(Side a, SetMerge m) {
    boolean reached = leadShareA(a, m) >= minLeadShare;
    m.clearLead(a.leadSet());
    return reached;
  }

  /** IDF-weighted share of A's lead window that B holds ({@link Leads#shareHeld}). */
  private double leadShareA(Side a, SetMerge m) {
    return Leads.shareHeld(a.leadRanks(), window(a.leadRanks().length, a.length()), a.weights(),
        m.inB);
  }

  /** IDF-weighted share of B's lead window that A holds ({@link Leads#shareHeldByNew}). */
  private double leadShareB(Evidence b, SetMerge m, double[] weightsA,
      IntToDoubleFunction weightOfOther) {
    return Leads.shareHeldByNew(b.leadRanks(), window(b.leadRanks().length, b.length()), b.set(),
        m.inA, weightsA, weightOfOther);
  }

  private int window(int leadLength, int length) {
    return (int) Math.min(leadLength, Math.min(length,
        Math.max(leadShingles, leadFraction * length)));
  }
}
