package com.storyclusters.minhash;

import static com.google.common.base.Preconditions.checkArgument;

import java.nio.ByteBuffer;
import java.util.Arrays;

/**
 * An immutable MinHash signature: k 64-bit values and the size of the shingle set it summarises.
 * Thread-safe.
 *
 * <p>The Jaccard estimate is the share of agreeing values; its standard error is {@code
 * sqrt(J(1-J)/k)}. The containment of A in B, {@code |A ∩ B| / |A|}, is derived from the Jaccard
 * estimate and the two set sizes: {@code |A ∩ B| = J (|A| + |B|) / (1 + J)}. Bounds are the
 * estimate ± {@code z} standard errors, mapped through the same formula and clipped to [0, 1].
 */
public final class Signature {
  /** The value of an empty bin; an empty set's signature holds only this value. */
  public static final long EMPTY = -1L; // 0xFFFF_FFFF_FFFF_FFFF, the unsigned maximum

  private final long[] values;
  private final int setSize;
  private final long settings;

  Signature(long[] values, int setSize, long settings) {
    this.values = values;
    this.setSize = setSize;
    this.settings = settings;
  }

  /** Number of values. */
  public int k() {
    return values.length;
  }

  /** Value {@code i}. */
  public long value(int i) {
    return values[i];
  }

  /** A copy of the values. */
  public long[] values() {
    return values.clone();
  }

  /** Number of distinct shingles in the set this signature summarises. */
  public int setSize() {
    return setSize;
  }

  /** Whether the summarised set was empty. */
  public boolean isEmpty() {
    return setSize == 0 || values[0] == EMPTY;
  }

  /**
   * Estimated Jaccard similarity; 0 if either set is empty.
   *
   * @throws IllegalArgumentException if the signatures come from different hashers
   */
  public double jaccard(Signature other) {
    checkCompatible(other);
    if (isEmpty() || other.isEmpty()) {
      return 0;
    }
    int agree = 0;
    for (int i = 0; i < values.length; i++) {
      if (values[i] == other.values[i]) {
        agree++;
      }
    }
    return (double) agree / values.length;
  }

  /** The Jaccard estimate with bounds of ± {@code z} standard errors. */
  public Estimate jaccardEstimate(Signature other, double z) {
    double j = jaccard(other);
    double se = Math.sqrt(j * (1 - j) / values.length);
    return new Estimate(j, Math.max(0, j - z * se), Math.min(1, j + z * se));
  }

  /** Estimated containment of this set in {@code other}'s, with bounds of ± {@code z} errors. */
  public Estimate containmentIn(Signature other, double z) {
    Estimate j = jaccardEstimate(other, z);
    double v = containment(j.value(), setSize, other.setSize);
    double lo = containment(j.lower(), setSize, other.setSize);
    double hi = containment(j.upper(), setSize, other.setSize);
    return new Estimate(Math.min(v, lo), lo, Math.max(v, hi));
  }

  private static double containment(double jaccard, int a, int b) {
    if (a == 0) {
      return 0;
    }
    double intersection = jaccard * (a + b) / (1 + jaccard);
    return Math.min(1, Math.max(0, intersection / a));
  }

  /**
   * Whether {@code other} comes from a hasher with the same k, seed and scheme.
   */
  public boolean isCompatible(Signature other) {
    return settings == other.settings && values.length == other.values.length;
  }

  private void checkCompatible(Signature other) {
    checkArgument(isCompatible(other),
        "signatures from different MinHash settings (k %s != %s or seed/scheme differ)",
        values.length, other.values.length);
  }

  /** Serialises to {@code 8 * k} bytes, big-endian, values only. */
  public byte[] toBytes() {
    ByteBuffer buf = ByteBuffer.allocate(values.length * 8);
    for (long v : values) {
      buf.putLong(v);
    }
    return buf.array();
  }

  /**
   * Reads {@link #toBytes()} output back for the given hasher.
   *
   * @throws IllegalArgumentException if the length is not {@code 8 * hasher.k()}
   */
  public static Signature fromBytes(byte[] bytes, int offset, int length, int setSize,
      MinHasher hasher) {
    checkArgument(length == hasher.k() * 8, "signature of %s bytes, expected %s", length,
        hasher.k() * 8);
    ByteBuffer buf = ByteBuffer.wrap(bytes, offset, length);
    long[] values = new long[hasher.k()];
    for (int i = 0; i < values.length; i++) {
      values[i] = buf.getLong();
    }
    return new Signature(values, setSize, hasher.fingerprintOfSettings());
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Signature s && s.settings == settings && s.setSize == setSize
        && Arrays.equals(s.values, values);
  }

  @Override
  public int hashCode() {
    return Arrays.hashCode(values) * 31 + setSize;
  }
}
