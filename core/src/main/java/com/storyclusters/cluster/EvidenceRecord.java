package com.storyclusters.cluster;

import java.nio.IntBuffer;

/**
 * The layout of one article's evidence and band keys in an {@link EvidenceStore} file, owned here
 * alone: ints, native order, {@code [set length, lead length, length, sketch length, band keys,
 * the set's filter..., set..., lead ranks..., sketch..., band keys as (low, high) int pairs...]},
 * the filter a {@link SetFilter} of {@link SetFilter#words} ints. Stateless; internal.
 */
final class EvidenceRecord {
  private static final int HEADER = 5;

  private EvidenceRecord() {}

  /** Ints the record of {@code e} and {@code bandKeys} takes. */
  static int size(Evidence e, long[] bandKeys) {
    return HEADER + SetFilter.words(e.set().length) + e.set().length + e.leadRanks().length
        + e.sketch().length + 2 * bandKeys.length;
  }

  /** Ints the record at {@code b[at]} takes. */
  static int size(IntBuffer b, int at) {
    return bandsAt(b, at) + 2 * b.get(at + 4) - at;
  }

  /** Writes the record of {@code e} and {@code bandKeys} at {@code b[at]} ({@link #size} ints). */
  static void write(IntBuffer b, int at, Evidence e, long[] bandKeys) {
    int[] set = e.set();
    int[] lead = e.leadRanks();
    int[] sketch = e.sketch();
    b.put(at, set.length).put(at + 1, lead.length).put(at + 2, e.length()).put(at + 3,
        sketch.length).put(at + 4, bandKeys.length);
    SetFilter.write(set, b, at + HEADER);
    int s = setAt(b, at);
    b.put(s, set);
    b.put(s + set.length, lead);
    b.put(s + set.length + lead.length, sketch);
    int p = bandsAt(b, at);
    for (long k : bandKeys) {
      b.put(p++, (int) k).put(p++, (int) (k >>> 32));
    }
  }

  /** Where the set of the record at {@code b[at]} starts: after its filter. */
  private static int setAt(IntBuffer b, int at) {
    return at + HEADER + SetFilter.words(b.get(at));
  }

  /** Where the band keys of the record at {@code b[at]} start. */
  private static int bandsAt(IntBuffer b, int at) {
    return setAt(b, at) + b.get(at) + b.get(at + 1) + b.get(at + 3);
  }

  /**
   * Whether the set of the record at {@code b[at]} may hold {@code v}, by its filter: always true
   * when it does ({@link SetFilter#mayHold}).
   */
  static boolean mayHold(IntBuffer b, int at, int v) {
    return SetFilter.mayHold(b, at + HEADER, SetFilter.words(b.get(at)), v);
  }

  /** Whether the record at {@code b[at]} holds band key {@code key}. */
  static boolean holdsBand(IntBuffer b, int at, long key) {
    int low = (int) key;
    int high = (int) (key >>> 32);
    int p = bandsAt(b, at);
    for (int end = p + 2 * b.get(at + 4); p < end; p += 2) {
      if (b.get(p) == low && b.get(p + 1) == high) {
        return true;
      }
    }
    return false;
  }

  /** A copy of the band keys of the record at {@code b[at]}. */
  static long[] bandKeys(IntBuffer b, int at) {
    long[] out = new long[b.get(at + 4)];
    int p = bandsAt(b, at);
    for (int k = 0; k < out.length; k++, p += 2) {
      out[k] = (b.get(p) & 0xFFFFFFFFL) | ((long) b.get(p + 1) << 32);
    }
    return out;
  }

  /** The text's shingle count with repeats ({@link Evidence#length}). */
  static int length(IntBuffer b, int at) {
    return b.get(at + 2);
  }

  /** The sorted set where it lies, no copy. */
  static IntBuffer setView(IntBuffer b, int at) {
    return b.slice(setAt(b, at), b.get(at));
  }

  /** Copies of the set, the lead ranks and the sketch. */
  static int[][] read(IntBuffer b, int at) {
    int[] set = new int[b.get(at)];
    int[] lead = new int[b.get(at + 1)];
    int[] sketch = new int[b.get(at + 3)];
    int s = setAt(b, at);
    b.get(s, set);
    b.get(s + set.length, lead);
    b.get(s + set.length + lead.length, sketch);
    return new int[][] {set, lead, sketch};
  }
}
