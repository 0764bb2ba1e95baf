package com.storyclusters.cluster;

/**
 * Where two texts share their leads: the first shared run, the share carried verbatim, the
 * weighted share of each one's lead window the other holds, and whether each carries the other's
 * lead elsewhere than in its own. Leads are given as shingle ranks into the text's set, in text
 * order. Stateless (a per-thread scratch array aside).
 */
final class Leads {
  /** Consecutive shared lead shingles that make the first shared run. */
  static final int RUN = 3;
  /** Consecutive shared shingles that make a verbatim run: 8 words of 2-word shingles. */
  static final int VERBATIM_RUN = 7;

  private Leads() {}

  /**
   * Position of the first run of {@link #RUN} consecutive lead shingles (given as ranks) that the other
   * text holds ({@code heldAt(rank)}); -1 if none. Runs after the lead are not seen.
   */
  static int firstSharedRun(int[] leadRanks, java.util.function.IntPredicate heldAt) {
    int run = 0;
    int need = Math.min(RUN, leadRanks.length);
    for (int p = 0; p < leadRanks.length; p++) {
      if (heldAt.test(leadRanks[p])) {
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
   * Share of a lead (its shingles as ranks, in text order) lying in runs of at least {@link
   * #VERBATIM_RUN} consecutive shingles the other text holds ({@code heldAt(rank)}): how much of
   * it the other carries verbatim.
   */
  static double verbatimShare(int[] leadRanks, java.util.function.IntPredicate heldAt) {
    int covered = 0;
    int run = 0;
    for (int p = 0; p < leadRanks.length; p++) {
      if (heldAt.test(leadRanks[p])) {
        run++;
      } else {
        covered += run >= VERBATIM_RUN ? run : 0;
        run = 0;
      }
    }
    covered += run >= VERBATIM_RUN ? run : 0;
    return leadRanks.length == 0 ? 0 : (double) covered / leadRanks.length;
  }
  /**
   * Whether each text carries the other's lead, but elsewhere than in its own lead: two pages of
   * different headline stories that each append the other's story (page A: story 1, then story 2
   * as related; page B: story 2, then story 1). Both leads are then wholly inside the other text,
   * so the lead rule alone links them. Copies of one story have their leads in each other's
   * leads. Shingle counts, unweighted.
   */
  static boolean crossCarried(int[] ranksA, int windowA, int setA, int[] ranksB, int windowB,
      SetMerge m) {
    boolean[] marks = m.inLeadB(setA); // by A's set index; each pass clears what it set
    setMarks(marks, ranksB, windowB, m, true); // A's shingles in B's lead window
    int wholeA = 0;
    int leadA = 0;
    for (int p = 0; p < windowA; p++) {
      wholeA += m.inB[ranksA[p]] ? 1 : 0;
      leadA += marks[ranksA[p]] ? 1 : 0;
    }
    setMarks(marks, ranksB, windowB, m, false);
    for (int p = 0; p < windowA; p++) { // A's lead window
      marks[ranksA[p]] = true;
    }
    int wholeB = 0;
    int leadB = 0;
    for (int p = 0; p < windowB; p++) {
      int k = m.inA[ranksB[p]];
      wholeB += k >= 0 ? 1 : 0;
      leadB += k >= 0 && marks[k] ? 1 : 0;
    }
    for (int p = 0; p < windowA; p++) {
      marks[ranksA[p]] = false;
    }
    return cross(wholeA, leadA, windowA) && cross(wholeB, leadB, windowB);
  }

  private static void setMarks(boolean[] marks, int[] ranksB, int windowB, SetMerge m,
      boolean value) {
    for (int p = 0; p < windowB; p++) {
      int k = m.inA[ranksB[p]];
      if (k >= 0) {
        marks[k] = value;
      }
    }
  }

  /**
   * Most of a lead (half its shingles or more) is in the other text, but under half of that in
   * the other's lead window.
   */
  private static boolean cross(int inWhole, int inLead, int window) {
    return window > 0 && 2 * inWhole >= window && 2 * inLead < inWhole;
  }


  /**
   * The first {@code n} ranks (indexes into a set, so at least 0), ascending, each once: marked in
   * a per-thread array and read back in order, which costs a pass over the ranks up to the largest
   * rather than a sort (a query's lead window: 70 ranks on average on the generated corpus, into
   * a set of a few hundred).
   */
  static int[] distinctSorted(int[] ranks, int n) {
    int max = -1;
    for (int i = 0; i < n; i++) {
      max = Math.max(max, ranks[i]);
    }
    Scratch scratch = Scratch.current();
    boolean[] marks = scratch.rankMarks;
    if (marks.length <= max) {
      marks = new boolean[Math.max(max + 1, 2 * marks.length)];
      scratch.rankMarks = marks;
    }
    int distinct = 0;
    for (int i = 0; i < n; i++) {
      if (!marks[ranks[i]]) {
        marks[ranks[i]] = true;
        distinct++;
      }
    }
    int[] out = new int[distinct];
    for (int r = 0, k = 0; k < distinct; r++) {
      if (marks[r]) {
        marks[r] = false;
        out[k++] = r;
      }
    }
    return out;
  }

  /**
   * IDF-weighted share of a new text's lead window (its first {@code window} lead shingles, as
   * ranks) that the other text holds ({@code inB[rank]}); the shingles weigh as the new text's own
   * ({@code weights[rank]}).
   */
  static double shareHeld(int[] ranks, int window, double[] weights, boolean[] inB) {
    double total = 0;
    double sum = 0;
    for (int p = 0; p < window; p++) {
      double w = weights[ranks[p]];
      total += w;
      if (inB[ranks[p]]) {
        sum += w;
      }
    }
    return total == 0 ? 0 : sum / total;
  }

  /**
   * IDF-weighted share of an indexed text's lead window (its first {@code window} lead shingles,
   * as ranks into {@code set}) that the new text holds ({@code inA[rank]}: the index in the new
   * text's set, or -1): the shingles it holds weigh as the new text's ({@code weightsA}), the
   * others by {@code weightOfOther}.
   */
  static double shareHeldByNew(int[] ranks, int window, int[] set, int[] inA, double[] weightsA,
      java.util.function.IntToDoubleFunction weightOfOther) {
    double total = 0;
    double sum = 0;
    for (int p = 0; p < window; p++) {
      int k = inA[ranks[p]];
      if (k >= 0) {
        double w = weightsA[k];
        total += w;
        sum += w;
      } else {
        total += weightOfOther.applyAsDouble(set[ranks[p]]);
      }
    }
    return total == 0 ? 0 : sum / total;
  }
}
