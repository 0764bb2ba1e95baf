/**
 * Boilerplate: what of a page is not the article. Owns the per-source line statistics ({@link
 * com.storyclusters.boilerplate.LineStatistics}: how many indexed articles of a source carried a
 * line, frozen by statistics epoch; {@link com.storyclusters.boilerplate.LineStories}: how many
 * different stories of a source carried a line the filter reads that for, exact; both in {@link
 * com.storyclusters.boilerplate.LongCounts}, compact counts by 64-bit key in two tiers, {@code
 * LongCountTable} and {@code SortedCounts}), the filter that decides which lines of a new article are its
 * source's recurring chrome ({@link com.storyclusters.boilerplate.BoilerplateFilter}), and the
 * headline finder ({@link com.storyclusters.boilerplate.Headline}: where a page's own article
 * starts, so that teasers and navigation before it are dropped).
 *
 * <p>Depends on {@code text} only. Every public type here is internal to the library (used by its
 * other packages), not part of its API: it may change in any release.
 */
package com.storyclusters.boilerplate;
