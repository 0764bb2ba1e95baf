package com.storyclusters.cluster;

/**
 * What scoring reads of an indexed article: its lead shingles in text order (the first {@link
 * com.storyclusters.fingerprint.Fingerprint#leadLength} of them), its shingle count with repeats,
 * its sorted distinct shingle set and its MinHash sketch. Immutable by convention (the arrays are
 * not written after construction); internal.
 */
public record Evidence(String id, int[] lead, int length, int[] set, int[] sketch) {
  /** The evidence of a fingerprint about to be indexed under {@code id}. */
  public static Evidence of(String id, com.storyclusters.fingerprint.Fingerprint fp) {
    return new Evidence(id, fp.lead, fp.length, fp.set, fp.sketch);
  }
}
