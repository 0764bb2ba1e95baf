package com.storyclusters.lsh;

import static com.google.common.base.Preconditions.checkArgument;

import com.storyclusters.minhash.Signature;
import com.storyclusters.text.Tokenizer;

/**
 * A banding of k-value signatures: {@code bands} bands of {@code rows} values each ({@code bands *
 * rows <= k}; trailing values are unused). Immutable and thread-safe.
 *
 * <p>Two sets of Jaccard similarity s share at least one band key with probability {@code 1 - (1 -
 * s^rows)^bands} (the S-curve, {@link #candidateProbability(double)}).
 *
 * <p><b>Band key (part of the index format):</b> {@code h = fmix64(band + 1)}; for each value {@code
 * v} of the band: {@code h = fmix64(h * 0x9E3779B97F4A7C15 + v)}; the key is {@code h} with the band
 * number in its top byte, so keys of different bands never collide.
 *
 * @param bands number of bands, at least 1
 * @param rows values per band, at least 1
 */
public record LshPlan(int bands, int rows) {
  /** Validates the arguments. */
  public LshPlan {
    checkArgument(bands >= 1 && bands <= 255, "bands must be between 1 and 255, got %s", bands);
    checkArgument(rows >= 1, "rows must be at least 1, got %s", rows);
  }

  /** Probability that two sets of Jaccard similarity {@code s} share a band key. */
  public double candidateProbability(double s) {
    return 1 - Math.pow(1 - Math.pow(s, rows), bands);
  }

  /**
   * Chooses bands and rows for {@code k} values and a Jaccard {@code threshold}, minimising {@code
   * fpWeight * ∫_0^t P(s) ds + fnWeight * ∫_t^1 (1 - P(s)) ds}, as datasketch's {@code MinHashLSH}.
   *
   * @throws IllegalArgumentException if the threshold is not in (0, 1), k is under 1, or a weight is
   *     negative or both are zero
   */
  public static LshPlan plan(double threshold, int k, double fpWeight, double fnWeight) {
    checkArgument(threshold > 0 && threshold < 1, "threshold must be in (0, 1), got %s", threshold);
    checkArgument(k >= 1, "k must be at least 1, got %s", k);
    checkArgument(fpWeight >= 0 && fnWeight >= 0 && fpWeight + fnWeight > 0,
        "weights must be non-negative and not both zero, got %s and %s", fpWeight, fnWeight);
    LshPlan best = null;
    double bestError = Double.MAX_VALUE;
    for (int b = 1; b <= Math.min(k, 255); b++) {
      int maxRows = k / b;
      for (int r = 1; r <= maxRows; r++) {
        LshPlan p = new LshPlan(b, r);
        double fp = integrate(p, 0, threshold, false);
        double fn = integrate(p, threshold, 1, true);
        double error = fpWeight * fp + fnWeight * fn;
        if (error < bestError) {
          bestError = error;
          best = p;
        }
      }
    }
    return best;
  }

  private static double integrate(LshPlan p, double from, double to, boolean complement) {
    int steps = 200;
    double h = (to - from) / steps;
    double sum = 0;
    for (int i = 0; i <= steps; i++) {
      double y = p.candidateProbability(from + i * h);
      if (complement) {
        y = 1 - y;
      }
      sum += (i == 0 || i == steps) ? y / 2 : y;
    }
    return sum * h;
  }

  /** The S-curve sampled at {@code points} evenly spaced similarities from 0 to 1 (inclusive). */
  public double[] sCurve(int points) {
    checkArgument(points >= 2, "points must be at least 2, got %s", points);
    double[] out = new double[points];
    for (int i = 0; i < points; i++) {
      out[i] = candidateProbability((double) i / (points - 1));
    }
    return out;
  }

  /**
   * The band keys of a signature, one per band. An empty signature has no keys.
   *
   * @throws IllegalArgumentException if the signature has fewer than {@code bands * rows} values
   */
  public long[] bandKeys(Signature signature) {
    checkArgument(signature.k() >= bands * rows, "signature has %s values, plan needs %s",
        signature.k(), bands * rows);
    if (signature.isEmpty()) {
      return new long[0];
    }
    long[] keys = new long[bands];
    for (int b = 0; b < bands; b++) {
      long h = Tokenizer.fmix64(b + 1);
      for (int r = 0; r < rows; r++) {
        h = Tokenizer.fmix64(h * 0x9E3779B97F4A7C15L + signature.value(b * rows + r));
      }
      keys[b] = (h & 0x00FF_FFFF_FFFF_FFFFL) | ((long) b << 56);
    }
    return keys;
  }
}
