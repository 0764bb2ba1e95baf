package com.storyclusters;

/**
 * The scores that decided whether two articles are copies. Immutable. All in [0, 1] except the
 * lead positions, which count shingles from the start of the fingerprinted text. The lead fields are
 * only computed when both texts are long enough to match and the score passes its threshold;
 * otherwise the positions are -1 and the lead shares 0, as they are when nothing is shared.
 *
 * @param score the deciding score: weighted containment of the smaller text in the larger,
 *     {@code max(containmentOfNew, containmentOfMatch)}
 * @param containmentOfNew share of the new article's weighted shingles found in the match
 * @param containmentOfMatch share of the match's weighted shingles found in the new article
 * @param jaccard exact (unweighted) Jaccard similarity of the two shingle sets
 * @param minHashJaccard MinHash estimate of the Jaccard similarity
 * @param leadOfNew position (in shingles) of the first run of three shingles shared with the match
 *     in the new article's lead (its first max(128, 30%) shingles); -1 if none there
 * @param leadOfMatch the same in the match's lead
 * @param leadShareOfNew IDF-weighted share of the new article's lead window found in the match
 * @param leadShareOfMatch IDF-weighted share of the match's lead window found in the new article
 * @param leadVerbatim share of the new article's or the match's lead (the larger) that lies in
 *     runs of at least 8 words the other text holds too (a page carrying the other verbatim); 0
 *     when not computed
 * @param linked whether the pair passed verification (score, lead rule and minimum size)
 */
public record MatchScores(double score, double containmentOfNew, double containmentOfMatch,
    double jaccard, double minHashJaccard, int leadOfNew, int leadOfMatch, double leadShareOfNew,
    double leadShareOfMatch, double leadVerbatim, boolean linked)
    implements java.io.Serializable {}
