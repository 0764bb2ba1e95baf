package com.storyclusters.cluster;

import java.io.IOException;
import java.util.List;

/**
 * Where candidates come from: the durable index (a searcher snapshot) or the in-memory recent
 * buffer. Both score a document alike: one hit per shared band key and per anchor shingle it
 * holds. Implementations are read-only views, safe for concurrent readers while nothing writes to
 * what they view.
 */
public interface CandidateSource {
  /**
   * The first {@code max} documents with at least one hit, by {@link Candidate#ORDER} (ties at the
   * cut go to the smaller id).
   */
  List<Candidate> candidates(long[] bandKeys, int[] anchors, int max) throws IOException;

  /** The evidence of an article held by this source, or null. */
  Evidence evidence(String id) throws IOException;

  /** Both sources as one: the first {@code max} of their union; evidence from the first that has it. */
  static CandidateSource union(CandidateSource first, CandidateSource second) {
    return new CandidateSource() {
      @Override
      public List<Candidate> candidates(long[] bandKeys, int[] anchors, int max)
          throws IOException {
        return Candidate.top(max, null, first.candidates(bandKeys, anchors, max),
            second.candidates(bandKeys, anchors, max));
      }

      @Override
      public Evidence evidence(String id) throws IOException {
        Evidence e = first.evidence(id);
        return e != null ? e : second.evidence(id);
      }
    };
  }

  /** A source with nothing in it. */
  CandidateSource EMPTY = new CandidateSource() {
    @Override
    public List<Candidate> candidates(long[] bandKeys, int[] anchors, int max) {
      return List.of();
    }

    @Override
    public Evidence evidence(String id) {
      return null;
    }
  };
}
