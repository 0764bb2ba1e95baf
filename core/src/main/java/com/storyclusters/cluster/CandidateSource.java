package com.storyclusters.cluster;

import java.io.IOException;
import java.util.List;

/**
 * Where a new article's candidates come from: a {@link CandidateIndex#view} of the articles added
 * before it. A document scores one hit per anchor shingle it holds.
 * Implementations are read-only views, safe for concurrent readers while nothing writes to what
 * they view.
 */
public interface CandidateSource {
  /**
   * The first {@code max} documents with at least one hit, by {@link Candidate#ORDER} (ties at the
   * cut go to the smaller id).
   */
  List<Candidate> candidates(int[] anchors, int max) throws IOException;

  /** The evidence of an article held by this source, or null. */
  Evidence evidence(String id) throws IOException;
}
