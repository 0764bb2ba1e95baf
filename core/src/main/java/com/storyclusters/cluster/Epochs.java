package com.storyclusters.cluster;

/**
 * Statistics epochs by input position. Every article of an epoch sees the statistics (shingle
 * document frequencies, per-source line counts, the article count) as they stood at the epoch's
 * start, so articles of one epoch can be scored in parallel and still decide exactly as one-by-one
 * adds do, and a resumed run sees what the clean run saw.
 *
 * <p>Position {@code p} is the number of adds (new articles and updates) before an article. While
 * the index is small every add is its own epoch ({@link #EXACT} of them: statistics then change
 * after every article, as a small corpus needs); after that an epoch holds an eighth of the
 * positions so far, rounded down to a power of two, at most {@link #MAX_LENGTH}: 128 from 1,024,
 * 256 from 2,048, 512 from 4,096, 1,024 from 8,192 on. So the statistics an article sees lag at
 * most 1/8 of the corpus behind, and never more than 1,024 articles. Stateless.
 */
public final class Epochs {
  /** Positions up to here are epochs of one article. */
  public static final long EXACT = 1024;
  /** The longest epoch. */
  public static final long MAX_LENGTH = 1024;

  private Epochs() {}

  /** Whether an epoch starts at position {@code p} (after {@code p} adds). */
  public static boolean isBoundary(long p) {
    return p <= EXACT || p % length(p) == 0;
  }

  /** The first epoch boundary after {@code p}. */
  public static long nextBoundary(long p) {
    if (p < EXACT) {
      return p + 1;
    }
    long len = length(p + 1);
    return (p / len + 1) * len;
  }

  /** The start of the epoch holding position {@code p}: the last boundary at or before it. */
  public static long start(long p) {
    if (isBoundary(p)) {
      return p;
    }
    long len = length(p);
    return p / len * len;
  }

  /** The length of the epochs whose boundaries fall in {@code (2^k, 2^(k+1)]}, for {@code b > EXACT}. */
  private static long length(long b) {
    return b <= EXACT ? 1 : Math.min(MAX_LENGTH, Long.highestOneBit(b - 1) >>> 3);
  }
}
