package com.storyclusters.minhash;

/**
 * A point estimate with a two-sided confidence interval, all in [0, 1]. Immutable.
 *
 * @param value the estimate
 * @param lower lower bound of the interval
 * @param upper upper bound of the interval
 */
public record Estimate(double value, double lower, double upper) {
  /** Validates that {@code lower <= value <= upper} and all lie in [0, 1]. */
  public Estimate {
    if (!(lower <= value && value <= upper && lower >= 0 && upper <= 1)) {
      throw new IllegalArgumentException(
          "need 0 <= lower <= value <= upper <= 1, got " + lower + ", " + value + ", " + upper);
    }
  }
}
