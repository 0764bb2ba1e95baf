package com.storyclusters.boilerplate;

import java.util.Arrays;

/**
 * Which lines of a new article are its source's recurring chrome: a line of at most {@link
 * #SHORT_LINE_TOKENS} tokens once another article of the source carried it, a longer one once two
 * did ("related articles" paragraphs recur too, but a story's own paragraphs rarely twice). A
 * removal that would keep less than {@link #MIN_KEPT_SHARE} of the tokens is not done: a page that
 * is all familiar lines is a re-post, not chrome. Stateless; internal.
 */
public final class BoilerplateFilter {
  /** Lines of at most this many tokens are boilerplate once another article of the source has them. */
  public static final int SHORT_LINE_TOKENS = 15;
  /** A removal that would keep less than this share of the tokens is not done. */
  public static final double MIN_KEPT_SHARE = 0.25;

  private BoilerplateFilter() {}

  /**
   * Marks the boilerplate lines in {@code drop} (leaves the others as they are).
   *
   * @param lineTokens tokens of each line
   * @param seen how many indexed articles of the source carry each line
   */
  public static void mark(int[] lineTokens, int[] seen, boolean[] drop) {
    int totalTokens = 0;
    int droppedTokens = 0;
    boolean[] mine = new boolean[lineTokens.length];
    for (int i = 0; i < lineTokens.length; i++) {
      totalTokens += lineTokens[i];
      if (lineTokens[i] <= SHORT_LINE_TOKENS ? seen[i] >= 1 : seen[i] >= 2) {
        mine[i] = true;
        droppedTokens += lineTokens[i];
      }
    }
    if (totalTokens - droppedTokens < MIN_KEPT_SHARE * totalTokens) {
      Arrays.fill(mine, false);
    }
    for (int i = 0; i < mine.length; i++) {
      drop[i] |= mine[i];
    }
  }
}
