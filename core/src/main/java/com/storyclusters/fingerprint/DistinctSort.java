package com.storyclusters.fingerprint;

/**
 * The sorted distinct values of an int sequence (ascending, signed order, as {@link
 * java.util.Arrays#sort(int[])} gives) and, for each of its first positions, the rank of its value
 * among them: one least-significant-digit radix sort of (value, position) pairs, linear in the
 * length and without a data-dependent compare. Internal.
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

  /**
   * Sorts {@code values[0, length)}; ranks for positions below {@code rankLimit}.
   */
  static DistinctSort of(int[] values, int length, int rankLimit) {
    // (value with its sign bit flipped, so that unsigned order is signed order) << 32 | position
    long[] a = new long[length];
    int[] counts = new int[4 * 256];
    for (int i = 0; i < length; i++) {
      long key = (values[i] ^ 0x8000_0000) & 0xFFFF_FFFFL;
      a[i] = key << 32 | i;
      counts[(int) (key & 0xFF)]++;
      counts[256 + (int) ((key >>> 8) & 0xFF)]++;
      counts[512 + (int) ((key >>> 16) & 0xFF)]++;
      counts[768 + (int) (key >>> 24)]++;
    }
    long[] b = new long[length];
    for (int digit = 0; digit < 4; digit++) {
      int base = digit * 256;
      int shift = 32 + 8 * digit;
      if (length > 0 && counts[base + (int) ((a[0] >>> shift) & 0xFF)] == length) {
        continue; // one bucket holds everything: the pass would not move anything
      }
      int sum = 0;
      for (int d = 0; d < 256; d++) {
        int c = counts[base + d];
        counts[base + d] = sum;
        sum += c;
      }
      for (int i = 0; i < length; i++) {
        long e = a[i];
        b[counts[base + (int) ((e >>> shift) & 0xFF)]++] = e;
      }
      long[] t = a;
      a = b;
      b = t;
    }
    int[] set = new int[length];
    int[] ranks = new int[Math.min(rankLimit, length)];
    int n = 0;
    long previous = -1;
    for (int i = 0; i < length; i++) {
      long e = a[i];
      long key = e >>> 32;
      if (key != previous) {
        set[n++] = (int) key ^ 0x8000_0000;
        previous = key;
      }
      int position = (int) e;
      if (position < ranks.length) {
        ranks[position] = n - 1;
      }
    }
    return new DistinctSort(n == length ? set : java.util.Arrays.copyOf(set, n), ranks);
  }
}
