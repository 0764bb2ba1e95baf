package com.storyclusters.cluster;

import com.storyclusters.fingerprint.Fingerprint;

/**
 * What scoring reads of an article: its lead as ranks into its set (the first {@link
 * Fingerprint#leadLength} evidence shingles in text order, each as the index of its value in
 * {@code set}), its shingle count with repeats, its sorted distinct shingle set and its MinHash
 * sketch. Immutable by convention (the arrays are not written after construction); internal.
 */
public record Evidence(String id, int[] leadRanks, int length, int[] set, int[] sketch) {
  /** The evidence of a fingerprint about to be indexed under {@code id}. */
  public static Evidence of(String id, Fingerprint fp) {
    return new Evidence(id, fp.leadRanks, fp.length, fp.set, fp.sketch);
  }

  /** The lead's shingle values, in text order. */
  public int[] lead() {
    int[] out = new int[leadRanks.length];
    for (int i = 0; i < out.length; i++) {
      out[i] = set[leadRanks[i]];
    }
    return out;
  }
}
