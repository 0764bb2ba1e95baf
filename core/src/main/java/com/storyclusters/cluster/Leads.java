package com.storyclusters.cluster;

/**
 * Where two texts share their leads: the first shared run, the share carried verbatim, and whether
 * each carries the other's lead elsewhere than in its own. Leads are given as shingle ranks into
 * the text's set, in text order. Stateless.
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

}
