package com.storyclusters.boilerplate;

/**
 * Line counts: for each line key, how many indexed articles carry it. The keys are of two kinds
 * ({@code fingerprint.LineKeys}): a line's key in its article's source (that source's chrome) and
 * its key in every source (whether other sources publish it), counted in this one table. The
 * owner of these counts decides when they change (at statistics epoch boundaries and on deletes),
 * so that every article of an epoch sees the same counts whatever the batching.
 *
 * <p>Memory: a {@link LongCounts}, about 9-10 bytes per distinct key. Not thread-safe for writes; reads are safe while no thread writes (the
 * facade's parallel step only reads).
 */
public final class LineStatistics {
  private final LongCounts counts = new LongCounts();

  /** How many counted articles carry the line with this key. */
  public int count(long key) {
    return counts.get(key);
  }

  /** Adds {@code delta} (may be negative) for each of an article's distinct line keys. */
  public void add(long[] distinctKeys, int delta) {
    for (long k : distinctKeys) {
      counts.add(k, delta);
    }
  }
}
