package com.storyclusters.boilerplate;

/**
 * Positive counts by 64-bit key (absent: 0), exact, in two tiers: the keys counted since the last
 * merge in a hash table ({@link LongCountTable}, 10 bytes a slot, 0.53-0.8 full), the others
 * sorted ({@link SortedCounts}, 8 bytes a key). When the table holds an eighth as many keys as the
 * sorted tier (and at least {@code minMerge}), the two are merged into a new sorted tier and the
 * table starts again small. A key lives in one tier. At 1,000,000 generated articles
 * the line counts take 100 bytes an article, where the table alone took 153; a merge rewrites the
 * sorted tier, so each key is copied about eight times over a run's life. A count that falls to 0 removes its
 * key (from the sorted tier at the next merge). Keys are expected to be hashes already (line keys
 * are). No allocation per operation but on growth and merges. Not thread-safe for writes; reads
 * are safe while no thread writes. Internal.
 */
final class LongCounts {
  /**
   * Keys the table takes between merges at least, by default: an index of up to about 100,000
   * articles keeps its line counts in the table alone, where a look-up is one probe (the sorted
   * tier adds a search and a merge copies it: at 100,000 articles, with the anchor map's tiers,
   * merges from 65,536 keys on cost 4-13% of the throughput in alternating runs); the tiers pay
   * from there on.
   */
  static final int MIN_MERGE = 1 << 20;

  private final int minMerge;
  private LongCountTable recent = new LongCountTable();
  private SortedCounts settled;
  private int zeroCount;

  LongCounts() {
    this(MIN_MERGE);
  }

  /** Counts whose table merges from {@code minMerge} keys on (small values: for tests). */
  LongCounts(int minMerge) {
    this.minMerge = minMerge;
  }

  /** The keys counted (count above 0). */
  int size() {
    return recent.size() + (settled == null ? 0 : settled.size()) + (zeroCount > 0 ? 1 : 0);
  }

  /** The count of {@code key}; 0 if absent. */
  int get(long key) {
    if (key == 0) {
      return zeroCount;
    }
    if (settled != null) {
      int i = settled.find(key);
      if (i >= 0) {
        return settled.count(i, key);
      }
    }
    return recent.get(key);
  }

  /**
   * Adds {@code delta} (may be negative) to the count of {@code key}; a count at or below 0
   * removes the key. Returns the count after (0 when removed).
   */
  int add(long key, int delta) {
    if (key == 0) {
      zeroCount = Math.max(0, zeroCount + delta);
      return zeroCount;
    }
    if (settled != null) {
      int i = settled.find(key);
      if (i >= 0) {
        int after = (int) Math.max(0, Math.min(Integer.MAX_VALUE,
            (long) settled.count(i, key) + delta));
        settled.set(i, key, after);
        return after;
      }
    }
    int after = recent.add(key, delta);
    int held = recent.size();
    if (held >= minMerge && held >= (settled == null ? 0 : settled.size()) / 8) {
      merge();
    }
    return after;
  }

  /** Moves the table's keys into a new sorted tier. */
  private void merge() {
    int n = recent.size();
    long[] keys = new long[n];
    int[] counts = new int[n];
    recent.copyTo(keys, counts);
    settled = SortedCounts.merge(settled, keys, counts, n);
    recent = new LongCountTable(); // grown again as it fills, not held at its largest meanwhile
  }
}
