package com.storyclusters.boilerplate;

import com.carrotsearch.hppc.LongIntHashMap;
import java.util.Arrays;

/**
 * The settled tier of {@link LongCounts}: counts by 64-bit key in one {@code long} each, sorted. A
 * key's high 16 bits pick its bucket ({@code starts}: where each bucket's entries begin), so an
 * entry keeps only the low 48 bits, above a 16-bit count: 8 bytes a key and no free slots, where a
 * hash table of {@code long} keys stands a third empty. Keys are expected to be hashes already (line
 * keys are), spread evenly over the buckets. A look-up is a binary search within a bucket (at 20
 * million keys, 300 entries: 2.4 KB). A count that falls to 0 stays as a 0 until the next {@link
 * #merge}, which drops it; a count of {@value LongCountTable#LARGE} or more lives in a side map.
 * Built only by {@link #merge}; counts change in place. Not thread-safe for writes; reads are safe
 * while no thread writes. Internal.
 */
final class SortedCounts {
  private static final int BUCKET_BITS = 17;
  private static final long LOW = -1L >>> BUCKET_BITS; // a key's low 47 bits
  private static final int COUNT_MASK = 0xFFFF;

  /** Bucket b's entries are {@code entries[starts[b], starts[b + 1])}, ascending. */
  private final int[] starts;
  /** Each entry: the key's low 47 bits, then its 16-bit count (LARGE: in {@link #large}). */
  private final long[] entries;
  private final LongIntHashMap large;
  /** Entries with a count above 0. */
  private int live;

  private SortedCounts(int[] starts, long[] entries, LongIntHashMap large, int live) {
    this.starts = starts;
    this.entries = entries;
    this.large = large;
    this.live = live;
  }

  /** Keys with a count above 0. */
  int size() {
    return live;
  }

  /** Entries held, zeros included (for tests). */
  int entries() {
    return entries.length;
  }

  private static int bucket(long key) {
    return (int) (key >>> (64 - BUCKET_BITS));
  }

  /**
   * The entry of {@code key}, or -1: the keys are spread evenly, so the search starts where the
   * key's low bits put it in its bucket and walks from there (a few entries, one or two cache
   * lines, where a binary search reads one line a step).
   */
  int find(long key) {
    int b = bucket(key);
    int lo = starts[b];
    int n = starts[b + 1] - lo;
    if (n == 0) {
      return -1;
    }
    long target = key & LOW;
    long[] e = entries;
    int i = lo + (int) ((target >>> 15) * n >>> 32); // target / 2^47 of the way in
    long at = e[i] >>> 16;
    if (at < target) {
      int end = lo + n;
      while (++i < end && (at = e[i] >>> 16) < target) {
        // walk up
      }
      return i < end && at == target ? i : -1;
    }
    while (at > target && --i >= lo) {
      at = e[i] >>> 16;
    }
    return i >= lo && at == target ? i : -1;
  }

  /** The count of the entry {@code i}, whose key is {@code key}. */
  int count(int i, long key) {
    int c = (int) entries[i] & COUNT_MASK;
    return c == LongCountTable.LARGE ? large.get(key) : c;
  }

  /** Sets the count of the entry {@code i}, whose key is {@code key}, to {@code count} (>= 0). */
  void set(int i, long key, int count) {
    int before = count(i, key);
    if (before >= LongCountTable.LARGE) {
      large.remove(key);
    }
    int code = count;
    if (count >= LongCountTable.LARGE) {
      large.put(key, count);
      code = LongCountTable.LARGE;
    }
    entries[i] = entries[i] & ~(long) COUNT_MASK | code;
    live += (count > 0 ? 1 : 0) - (before > 0 ? 1 : 0);
  }

  /** Sorts {@code a[from, to)}: a bucket's few entries (the keys are hashes), no call per bucket. */
  static void insertionSort(long[] a, int from, int to) {
    for (int i = from + 1; i < to; i++) {
      long v = a[i];
      int j = i - 1;
      while (j >= from && a[j] > v) {
        a[j + 1] = a[j];
        j--;
      }
      a[j + 1] = v;
    }
  }

  /**
   * The entries of {@code old} (null: none) with a count above 0 and the keys {@code keys[0, n)}
   * (none of them 0 or in {@code old}) with their counts ({@code counts}, above 0), sorted.
   * Reorders {@code keys} and {@code counts}.
   */
  static SortedCounts merge(SortedCounts old, long[] keys, int[] counts, int n) {
    LongIntHashMap large = old == null ? new LongIntHashMap() : old.large;
    // the new keys as entries, by bucket, each bucket sorted
    int buckets = 1 << BUCKET_BITS;
    int[] fresh = new int[buckets + 1];
    for (int i = 0; i < n; i++) {
      fresh[bucket(keys[i]) + 1]++;
    }
    for (int b = 0; b < buckets; b++) {
      fresh[b + 1] += fresh[b];
    }
    long[] added = new long[n];
    int[] next = Arrays.copyOf(fresh, buckets);
    for (int i = 0; i < n; i++) {
      long key = keys[i];
      int code = counts[i];
      if (code >= LongCountTable.LARGE) {
        large.put(key, code);
        code = LongCountTable.LARGE;
      }
      added[next[bucket(key)]++] = (key & LOW) << 16 | code;
    }
    for (int b = 0; b < buckets; b++) {
      insertionSort(added, fresh[b], fresh[b + 1]); // 47 bits above 16: the sign bit is clear
    }
    int kept = old == null ? 0 : old.live;
    long[] entries = new long[kept + n];
    int[] starts = new int[buckets + 1];
    int e = 0;
    for (int b = 0; b < buckets; b++) {
      starts[b] = e;
      int i = old == null ? 0 : old.starts[b];
      int iEnd = old == null ? 0 : old.starts[b + 1];
      int j = fresh[b];
      int jEnd = fresh[b + 1];
      while (i < iEnd || j < jEnd) {
        if (j == jEnd || i < iEnd && old.entries[i] < added[j]) {
          long entry = old.entries[i++];
          if ((entry & COUNT_MASK) != 0) { // a 0 is dropped
            entries[e++] = entry;
          }
        } else {
          entries[e++] = added[j++];
        }
      }
    }
    starts[buckets] = e;
    return new SortedCounts(starts, entries, large, e);
  }
}
