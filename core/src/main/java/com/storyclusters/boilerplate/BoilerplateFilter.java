package com.storyclusters.boilerplate;

import java.util.Arrays;

/**
 * Which lines of a new article are its source's recurring chrome: a line of at most {@link
 * #SHORT_LINE_TOKENS} tokens once another article of the source carried it; a longer one once
 * articles of two different stories of the source did and no article of another source carries it
 * ("related articles" paragraphs recur on a site under different stories; a site that runs its own
 * story again repeats its paragraphs within one story, and a paragraph that other sources publish
 * too is a wire story's text, which a site carrying that story as related articles must not strip
 * from the story's own copy there). A removal that
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
   * The rule for one line, written once: whether a line of {@code tokens} tokens, carried by
   * {@code ofSource} articles of the source, {@code ofAll} of any source and {@code stories}
   * different stories of the source, is the source's chrome (before the {@link #MIN_KEPT_SHARE}
   * guard).
   */
  static boolean chrome(int tokens, int ofSource, int ofAll, int stories) {
    return !readsStories(tokens) ? ofSource >= 1 : stories >= 2 && ofAll == ofSource;
  }

  /**
   * Whether the rule reads the story count of a line of {@code tokens} tokens (a line over {@link
   * #SHORT_LINE_TOKENS}): the story counts ({@link LineStories}) are kept for such lines only.
   */
  public static boolean readsStories(int tokens) {
    return tokens > SHORT_LINE_TOKENS;
  }

  /**
   * Whether a line's verdict is known while {@code undecided} of the source's articles that carry
   * it (counted in {@code ofSource} and {@code ofAll}) have no story yet: each may join a story
   * counted in {@code decidedStories} or start another, and the verdict is the same either way
   * (the rule only grows with the stories).
   */
  public static boolean settled(int tokens, int ofSource, int ofAll, int decidedStories,
      int undecided) {
    return undecided == 0 || chrome(tokens, ofSource, ofAll, decidedStories)
        == chrome(tokens, ofSource, ofAll, decidedStories + undecided);
  }

  /**
   * Marks the boilerplate lines in {@code drop} (leaves the others as they are).
   *
   * @param lineTokens tokens of each line
   * @param seen how many indexed articles of the source, and of any source, and how many stories
   *     of the source's decided articles carry each line
   */
  public static void mark(int[] lineTokens, LineCounts seen, boolean[] drop) {
    int[] ofSource = seen.ofSource();
    int[] ofAll = seen.ofAll();
    int[] stories = seen.storiesOfSource();
    int totalTokens = 0;
    int droppedTokens = 0;
    boolean[] mine = new boolean[lineTokens.length];
    for (int i = 0; i < lineTokens.length; i++) {
      totalTokens += lineTokens[i];
      if (chrome(lineTokens[i], ofSource[i], ofAll[i], stories[i])) {
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
