package com.storyclusters.boilerplate;

import java.util.Arrays;

/**
 * Which lines of a new article are its source's recurring chrome: a line of at most {@link
 * #SHORT_LINE_TOKENS} tokens once another article of the source carried it; a longer one once two
 * did and no article of another source carries it ("related articles" paragraphs recur on a site,
 * but a paragraph that other sources publish too is a wire story's text, which a site carrying
 * that story as related articles must not strip from the story's own copy there). A removal that
 * would keep less than {@link #MIN_KEPT_SHARE} of the tokens is not done: a page that is all
 * familiar lines is a re-post, not chrome. Stateless; internal.
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
   * @param seen how many indexed articles of the source, and of any source, carry each line
   */
  public static void mark(int[] lineTokens, LineCounts seen, boolean[] drop) {
    int[] ofSource = seen.ofSource();
    int[] ofAll = seen.ofAll();
    int totalTokens = 0;
    int droppedTokens = 0;
    boolean[] mine = new boolean[lineTokens.length];
    for (int i = 0; i < lineTokens.length; i++) {
      totalTokens += lineTokens[i];
      boolean chrome = lineTokens[i] <= SHORT_LINE_TOKENS ? ofSource[i] >= 1
          : ofSource[i] >= 2 && ofAll[i] == ofSource[i];
      if (chrome) {
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
