package com.storyclusters.cluster;

/**
 * The weight of a shingle by its document frequency, as scores read it. Stateless; a {@link
 * ForCount} is immutable.
 */
public final class Idf {
  private Idf() {}

  /**
   * The shingle weight: inverse document frequency {@code ln((N + 1) / df)}, with df clipped to
   * [1, N], so it is always positive: a text whose every shingle occurs in every article still has
   * weight.
   */
  public static double idf(long docCount, long docFreq) {
    return new ForCount(docCount).of(docFreq);
  }

  /** {@link #idf} for one article count, its logarithm taken once. */
  static final class ForCount {
    private final long n;
    private final double logN;

    ForCount(long docCount) {
      n = Math.max(1, docCount);
      logN = Math.log(n + 1.0);
    }

    double of(long docFreq) {
      return logN - log(Math.min(Math.max(1, docFreq), n));
    }
  }

  private static final double[] LOGS = new double[1 << 16];

  static {
    for (int i = 1; i < LOGS.length; i++) {
      LOGS[i] = Math.log(i);
    }
  }

  private static double log(long x) {
    return x < LOGS.length ? LOGS[(int) x] : Math.log(x);
  }
}
