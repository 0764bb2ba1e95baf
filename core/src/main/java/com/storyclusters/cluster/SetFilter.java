package com.storyclusters.cluster;

import java.nio.IntBuffer;

/**
 * A blocked Bloom filter of a shingle set, kept beside the set in an {@link EvidenceRecord}: 8 bits
 * per shingle in 32-bit words (a quarter of the set's bytes), each shingle setting one or two bits
 * of one word (the word chosen by its value's high bits, the bits by its low ones; shingle values
 * are hash values). It never says no for a value the set holds, and says yes for a value it does
 * not hold about one time in 17 (5.7%; fewer for sets of under four values). The lead test reads
 * it first ({@link PairScorer}): the share of a lead that the filter may hold is at least the share
 * the set holds, so a candidate below the threshold on the filter is below it on the set; most
 * candidates stop there, after one read of a word per lead shingle in a quarter of the bytes of
 * their set, with no search branches. Stateless; internal.
 */
final class SetFilter {
  private SetFilter() {}

  /** Ints the filter of a set of {@code setLength} values takes. */
  static int words(int setLength) {
    return Math.max(1, (setLength + 3) >>> 2);
  }

  /** The word of value {@code v} in a filter of {@code words} words. */
  private static int word(int v, int words) {
    return (int) (((v & 0xFFFF_FFFFL) * words) >>> 32);
  }

  /** The bits value {@code v} sets in its word (one or two). */
  private static int bits(int v) {
    return 1 << (v & 31) | 1 << ((v >>> 5) & 31);
  }

  /** Writes the filter of {@code set} at {@code b[at]} ({@link #words} ints). */
  static void write(int[] set, IntBuffer b, int at) {
    int words = words(set.length);
    for (int i = 0; i < words; i++) {
      b.put(at + i, 0);
    }
    for (int v : set) {
      int w = at + word(v, words);
      b.put(w, b.get(w) | bits(v));
    }
  }

  /**
   * Whether the set whose filter of {@code words} words is at {@code b[at]} may hold {@code v}:
   * always true when it does.
   */
  static boolean mayHold(IntBuffer b, int at, int words, int v) {
    int m = bits(v);
    return (b.get(at + word(v, words)) & m) == m;
  }
}
