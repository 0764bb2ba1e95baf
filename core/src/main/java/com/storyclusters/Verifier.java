package com.storyclusters;

import java.util.Arrays;
import java.util.function.IntToDoubleFunction;

/**
 * Decides whether two fingerprints are copies of one text. Stateless.
 *
 * <p>Score: IDF-weighted containment of the smaller shingle set in the larger, {@code Σ_{A∩B} idf /
 * min(Σ_A idf, Σ_B idf)}, so shingles that recur across the corpus (boilerplate, stock phrases)
 * weigh little and shingles that only the two texts share weigh most. Lead rule: in each text the
 * first run of {@link #RUN} consecutive shared shingles must start within the lead window, {@code
 * max(leadShingles, leadFraction * length)}: copies share their beginning, while a page that
 * carries another story further down (related articles), or two reports that quote the same
 * statement, do not. Texts with fewer than {@code minShingles} distinct shingles never link.
 */
final class Verifier {
  static final int RUN = 3;

  private final double minScore;
  private final double minScoreSameSource;
  private final int leadShingles;
  private final double leadFraction;
  private final double minLeadShare;
  private final int minShingles;

  Verifier(double minScore, double minScoreSameSource, int leadShingles, double leadFraction,
      double minLeadShare, int minShingles) {
    this.minScore = minScore;
    this.minScoreSameSource = Math.max(minScore, minScoreSameSource);
    this.minLeadShare = minLeadShare;
    this.leadShingles = leadShingles;
    this.leadFraction = leadFraction;
    this.minShingles = minShingles;
  }

  /**
   * Scores a pair. {@code weightsA[i]} is the weight of {@code setA[i]} (looked up once per new
   * article, not once per candidate); {@code weightOfOther} weighs the shingles only B has (the
   * new article counts in the frequency of its own shingles, so the two may differ). {@code
   * sameSource}: both articles come from one (named) source, whose house style, datelines and
   * recurring formulas (daily market reports, match reports of one series) make its own articles
   * alike without being copies: such pairs need {@code minScoreSameSource}.
   */
  MatchScores verify(int[] leadA, int lengthA, int[] setA, double[] weightsA, int[] leadB,
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
  static double idf(long docCount, long docFreq) {
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
