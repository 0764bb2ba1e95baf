package com.storyclusters;

import java.util.List;

/**
 * Why two indexed articles are or are not copies. Immutable.
 *
 * @param firstId the first article
 * @param secondId the second article
 * @param scores the scores, with the first article in the role of the new one
 * @param sharedPassages the longest passages of the first article's fingerprinted text whose
 *     shingles all occur in the second, longest first (at most 10)
 * @param reason one sentence on the decision
 */
public record PairExplanation(String firstId, String secondId, MatchScores scores,
    List<String> sharedPassages, String reason) {
  /** Defensive copy. */
  public PairExplanation {
    sharedPassages = List.copyOf(sharedPassages);
  }
}
