package com.storyclusters.minhash;

import static com.google.common.base.Preconditions.checkArgument;

import com.storyclusters.text.Tokenizer;
import java.util.Arrays;

/**
 * Computes MinHash signatures of k values from 64-bit shingle hashes.
 *
 * <p><b>One-permutation hashing with densification</b> ({@link Scheme#ONE_PERMUTATION}, default):
 * each shingle hash {@code h} is mixed once, {@code x = fmix64(h ^ seed)}; its bin is {@code ((x
 * >>> 32) * k) >>> 32} and the bin keeps the minimum of {@code x} (unsigned). Empty bins are then
 * filled by optimal densification (Shrivastava, ICML 2017): bin {@code i} probes bins {@code
 * fmix64(seed + i * 0x9E3779B97F4A7C15 + attempt) mod k}, attempt 1, 2, ..., until a non-empty
 * one, and takes its value. The probe order depends on {@code i} and the seed only, so two sets
 * agree in a bin with probability equal to their Jaccard similarity.
 *
 * <p><b>Classic MinHash</b> ({@link Scheme#CLASSIC}): value {@code i} is the minimum over shingles
 * of {@code fmix64(h ^ seed_i)} with {@code seed_i = fmix64(seed + i)}: k hashes per shingle.
 *
 * <p>An empty input gives a signature whose every value is {@link Signature#EMPTY}; such
 * signatures never agree with anything (Jaccard estimate 0). Immutable and thread-safe.
 */
public final class MinHasher {
  /** How the k values are drawn. */
  public enum Scheme {
    /** One hash per shingle, bins, optimal densification. */
    ONE_PERMUTATION,
    /** k independent hash functions. */
    CLASSIC
  }

  private static final long GOLDEN = 0x9E3779B97F4A7C15L;
  private final int k;
  private final long seed;
  private final Scheme scheme;
  private final long[] classicSeeds;

  /**
   * @param k number of values, between 8 and 4096
   * @param seed hash seed; part of the index format
   * @param scheme how the values are drawn
   */
  public MinHasher(int k, long seed, Scheme scheme) {
    checkArgument(k >= 8 && k <= 4096, "k must be between 8 and 4096, got %s", k);
    this.k = k;
    this.seed = seed;
    this.scheme = java.util.Objects.requireNonNull(scheme, "scheme");
    this.classicSeeds = new long[k];
    for (int i = 0; i < k; i++) {
      classicSeeds[i] = Tokenizer.fmix64(seed + i);
    }
  }

  /** Number of values per signature. */
  public int k() {
    return k;
  }

  /** The hash seed. */
  public long seed() {
    return seed;
  }

  /** The scheme. */
  public Scheme scheme() {
    return scheme;
  }

  /**
   * The signature of the set of the first {@code length} values of {@code shingleHashes}. Repeats
   * do not matter. {@code setSize} is recorded in the signature for containment estimates.
   */
  public Signature signature(long[] shingleHashes, int length, int setSize) {
    long[] values = new long[k];
    Arrays.fill(values, Signature.EMPTY);
    if (scheme == Scheme.ONE_PERMUTATION) {
      onePermutation(shingleHashes, length, values);
    } else {
      classic(shingleHashes, length, values);
    }
    return new Signature(values, setSize, fingerprintOfSettings());
  }

  private void onePermutation(long[] hashes, int length, long[] values) {
    boolean any = false;
    for (int j = 0; j < length; j++) {
      long x = Tokenizer.fmix64(hashes[j] ^ seed);
      if (x == Signature.EMPTY) {
        x = Signature.EMPTY - 1;
      }
      int bin = (int) (((x >>> 32) * k) >>> 32);
      long v = values[bin];
      values[bin] = Long.compareUnsigned(x, v) < 0 ? x : v; // a select, not a branch: unpredictable
      any = true;
    }
    if (!any) {
      return;
    }
    long[] filled = values.clone();
    for (int i = 0; i < k; i++) {
      if (values[i] != Signature.EMPTY) {
        continue;
      }
      for (long attempt = 1; ; attempt++) {
        long probe = Tokenizer.fmix64(seed + i * GOLDEN + attempt);
        int bin = (int) Long.remainderUnsigned(probe, k);
        if (values[bin] != Signature.EMPTY) {
          filled[i] = values[bin];
          break;
        }
      }
    }
    System.arraycopy(filled, 0, values, 0, k);
  }

  private void classic(long[] hashes, int length, long[] values) {
    for (int j = 0; j < length; j++) {
      long h = hashes[j];
      for (int i = 0; i < k; i++) {
        long x = Tokenizer.fmix64(h ^ classicSeeds[i]);
        if (x == Signature.EMPTY) {
          x = Signature.EMPTY - 1;
        }
        if (Long.compareUnsigned(x, values[i]) < 0) {
          values[i] = x;
        }
      }
    }
  }

  /** A 64-bit digest of (k, seed, scheme): signatures compare only when these agree. */
  long fingerprintOfSettings() {
    return Tokenizer.fmix64(Tokenizer.fmix64(seed ^ k) + scheme.ordinal());
  }
}
