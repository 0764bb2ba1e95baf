package com.storyclusters.fingerprint;

import java.util.Arrays;

/**
 * The sorted distinct values of an int sequence (ascending, signed order, as {@link
 * java.util.Arrays#sort(int[])} gives) and, for each of its first positions, the rank of its value
 * among them. One bucket pass on the values' top bits (about one value per bucket: the values are
 * hashes) that keeps each bucket sorted as it fills it, then one pass that drops repeats: linear in
 * the length for hash values, with few data-dependent branches. Internal.
 */
final class DistinctSort {
  /** The sorted distinct values. */
  final int[] set;
  /** ranks[i] is the index in {@link #set} of the value at position i, for i below the limit. */
  final int[] ranks;

  private DistinctSort(int[] set, int[] ranks) {
    this.set = set;
    this.ranks = ranks;
  }

  /** Sorts {@code values[0, length)}; ranks for positions below {@code rankLimit}. */
  static DistinctSort of(int[] values, int length, int rankLimit) {
    int bits = 4;
    while (bits < 16 && 1 << bits < length) {
      bits++;
    }
    int shift = 32 - bits;
    // value with its sign bit flipped, so that unsigned order is signed order
    int[] next = new int[(1 << bits) + 1]; // where each bucket's next element goes
    for (int i = 0; i < length; i++) {
      next[((values[i] ^ 0x8000_0000) >>> shift) + 1]++;
    }
    for (int d = 1; d < next.length; d++) {
      next[d] += next[d - 1];
    }
    // (flipped value << 32 | position), by bucket, each bucket in order as it fills; an element
    // moves down past greater ones only: those of lower buckets are smaller, free slots are 0
    long[] sorted = new long[length];
    for (int i = 0; i < length; i++) {
      int key = values[i] ^ 0x8000_0000;
      long e = (key & 0xFFFF_FFFFL) << 32 | i;
      int at = next[key >>> shift]++;
      while (at > 0 && Long.compareUnsigned(sorted[at - 1], e) > 0) {
        sorted[at] = sorted[at - 1];
        at--;
      }
      sorted[at] = e;
    }
    int[] set = new int[length];
    int[] ranks = new int[length];
    int n = 0;
    long previous = -1;
    for (int i = 0; i < length; i++) {
      long e = sorted[i];
      long key = e >>> 32;
      if (key != previous) {
        set[n++] = (int) key ^ 0x8000_0000;
        previous = key;
      }
      ranks[(int) e] = n - 1;
    }
    return new DistinctSort(n == length ? set : Arrays.copyOf(set, n),
        rankLimit >= length ? ranks : Arrays.copyOf(ranks, rankLimit));
  }
}
