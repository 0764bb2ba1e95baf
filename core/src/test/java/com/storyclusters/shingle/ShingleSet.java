package com.storyclusters.shingle;

import java.util.Arrays;

/**
 * An exact, immutable set of shingle hashes, stored sorted. Used to verify candidates and as the
 * reference that MinHash estimates are tested against. Thread-safe.
 */
public final class ShingleSet {
  private final long[] sorted;

  private ShingleSet(long[] sorted) {
    this.sorted = sorted;
  }

  /** The set of the first {@code length} values of {@code hashes} (repeats collapse). */
  public static ShingleSet of(long[] hashes, int length) {
    long[] copy = Arrays.copyOf(hashes, length);
    Arrays.sort(copy);
    int n = 0;
    for (int i = 0; i < copy.length; i++) {
      if (i == 0 || copy[i] != copy[i - 1]) {
        copy[n++] = copy[i];
      }
    }
    return new ShingleSet(Arrays.copyOf(copy, n));
  }

  /** The set of all values of {@code hashes}. */
  public static ShingleSet of(long... hashes) {
    return of(hashes, hashes.length);
  }

  /** Number of distinct shingles. */
  public int size() {
    return sorted.length;
  }

  /** Whether the set holds {@code hash}. */
  public boolean contains(long hash) {
    return Arrays.binarySearch(sorted, hash) >= 0;
  }

  /** Size of the intersection with {@code other}. */
  public int intersectionSize(ShingleSet other) {
    long[] a = sorted;
    long[] b = other.sorted;
    int i = 0;
    int j = 0;
    int common = 0;
    while (i < a.length && j < b.length) {
      if (a[i] < b[j]) {
        i++;
      } else if (a[i] > b[j]) {
        j++;
      } else {
        common++;
        i++;
        j++;
      }
    }
    return common;
  }

  /** Exact Jaccard similarity; 0 when both sets are empty. */
  public double jaccard(ShingleSet other) {
    int common = intersectionSize(other);
    int union = size() + other.size() - common;
    return union == 0 ? 0 : (double) common / union;
  }

  /** Exact containment of this set in {@code other}: |this ∩ other| / |this|; 0 when empty. */
  public double containmentIn(ShingleSet other) {
    return size() == 0 ? 0 : (double) intersectionSize(other) / size();
  }

  /** A copy of the sorted hashes. */
  public long[] toSortedArray() {
    return sorted.clone();
  }
}
