package com.storyclusters.cluster;

import java.util.Arrays;

/**
 * The settled tier of an {@link IntIntMultimap}'s table: keys with one {@code int} reference each,
 * sorted. A key's high 16 bits pick its bucket ({@code starts}: where each bucket's entries begin,
 * 256 KB), so an entry keeps only the key's low 16 bits: 6 bytes a key and no free slots, where
 * the hash table takes 8 bytes a slot and stands 0.53-0.8 full. Keys are expected to be hashes
 * (shingle values are), spread evenly over the buckets. A look-up is a binary search within a
 * bucket (at 2.4 million keys, 36 entries: 72 bytes of keys). References change in place; keys are
 * added only by {@link #merge}. Not thread-safe for writes; reads are safe while nothing writes.
 * Internal.
 */
final class SortedIntRefs {
  private static final int BUCKETS = 1 << 16;

  /** Bucket b's entries are {@code [starts[b], starts[b + 1])}, ascending by their low bits. */
  private final int[] starts;
  /** Each entry's key's low 16 bits. */
  private final short[] lows;
  /** Each entry's reference. */
  final int[] refs;

  private SortedIntRefs(int[] starts, short[] lows, int[] refs) {
    this.starts = starts;
    this.lows = lows;
    this.refs = refs;
  }

  /** Keys held. */
  int size() {
    return refs.length;
  }

  /** The entry of {@code key}, or -1. */
  int find(int key) {
    int b = key >>> 16;
    int lo = starts[b];
    int hi = starts[b + 1] - 1;
    int target = key & 0xFFFF;
    short[] l = lows;
    while (lo <= hi) {
      int mid = (lo + hi) >>> 1;
      int at = l[mid] & 0xFFFF;
      if (at < target) {
        lo = mid + 1;
      } else if (at > target) {
        hi = mid - 1;
      } else {
        return mid;
      }
    }
    return -1;
  }

  /**
   * The entries of {@code old} (null: none) and the keys {@code keys[0, n)} (distinct, none in
   * {@code old}) with their references {@code refs}, sorted.
   */
  static SortedIntRefs merge(SortedIntRefs old, int[] keys, int[] refs, int n) {
    // the new keys as (low bits << 32 | reference), by bucket, each bucket sorted
    int[] fresh = new int[BUCKETS + 1];
    for (int i = 0; i < n; i++) {
      fresh[(keys[i] >>> 16) + 1]++;
    }
    for (int b = 0; b < BUCKETS; b++) {
      fresh[b + 1] += fresh[b];
    }
    long[] added = new long[n];
    int[] next = Arrays.copyOf(fresh, BUCKETS);
    for (int i = 0; i < n; i++) {
      added[next[keys[i] >>> 16]++] = (long) (keys[i] & 0xFFFF) << 32 | (refs[i] & 0xFFFF_FFFFL);
    }
    for (int b = 0; b < BUCKETS; b++) { // a bucket's few entries (the keys are hashes)
      for (int i = fresh[b] + 1; i < fresh[b + 1]; i++) {
        long v = added[i];
        int j = i - 1;
        while (j >= fresh[b] && added[j] > v) {
          added[j + 1] = added[j];
          j--;
        }
        added[j + 1] = v;
      }
    }
    int total = (old == null ? 0 : old.size()) + n;
    int[] starts = new int[BUCKETS + 1];
    short[] lows = new short[total];
    int[] outRefs = new int[total];
    int e = 0;
    for (int b = 0; b < BUCKETS; b++) {
      starts[b] = e;
      int i = old == null ? 0 : old.starts[b];
      int iEnd = old == null ? 0 : old.starts[b + 1];
      int j = fresh[b];
      int jEnd = fresh[b + 1];
      while (i < iEnd || j < jEnd) {
        if (j == jEnd || i < iEnd && (old.lows[i] & 0xFFFF) < (int) (added[j] >>> 32)) {
          lows[e] = old.lows[i];
          outRefs[e++] = old.refs[i++];
        } else {
          lows[e] = (short) (added[j] >>> 32);
          outRefs[e++] = (int) added[j++];
        }
      }
    }
    starts[BUCKETS] = e;
    return new SortedIntRefs(starts, lows, outRefs);
  }
}
