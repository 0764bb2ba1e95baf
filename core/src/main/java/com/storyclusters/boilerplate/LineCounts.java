package com.storyclusters.boilerplate;

/**
 * How many indexed articles carry each line of a new article: those of its source, and those of
 * any source (the article's own source included). Immutable once made (its arrays are not to be
 * written); internal.
 *
 * @param ofSource per line, the articles of the new article's source that carry it
 * @param ofAll per line, the articles of any source that carry it ({@code >= ofSource})
 * @param storiesOfSource per line, the different stories (clusters) among the decided articles
 *     of the source that carry it ({@code <= ofSource}); articles whose story is not decided yet
 *     (earlier ones of a batch segment) are not counted, and a segment ends before an article
 *     whose verdict could depend on them ({@link BoilerplateFilter#settled})
 */
public record LineCounts(int[] ofSource, int[] ofAll, int[] storiesOfSource) {
  /** Counts for {@code lines} lines that no article carries. */
  public static LineCounts none(int lines) {
    return new LineCounts(new int[lines], new int[lines], new int[lines]);
  }

}
