package com.storyclusters.boilerplate;

import com.carrotsearch.hppc.LongIntHashMap;

/**
 * Line counts: for each line key, how many indexed articles carry it. The keys are of two kinds
 * ({@code fingerprint.LineKeys}): a line's key in its article's source (that source's chrome) and
 * its key in every source (whether other sources publish it), counted in this one table. The
 * owner of these counts decides when they change (at statistics epoch boundaries and on deletes),
 * so that every article of an epoch sees the same counts whatever the batching.
 *
 * <p>Memory: an open-addressing table of 8-byte keys and 4-byte counts (HPPC), about 16-24 bytes
 * per distinct key. Not thread-safe for writes; reads are safe while no thread writes (the
 * facade's parallel step only reads).
 */
public final class LineStatistics {
  private final LongIntHashMap counts = new LongIntHashMap();

  /** How many counted articles carry the line with this key. */
  public int count(long key) {
    return counts.get(key);
  }

  /** Adds {@code delta} (may be negative) for each of an article's distinct line keys. */
  public void add(long[] distinctKeys, int delta) {
    for (long k : distinctKeys) {
      int now = counts.addTo(k, delta);
      if (now <= 0) {
        counts.remove(k);
      }
    }
  }
}
