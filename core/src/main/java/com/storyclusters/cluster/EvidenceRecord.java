package com.storyclusters.cluster;

import java.nio.IntBuffer;

/**
 * The layout of one article's evidence in an {@link EvidenceStore} file, owned here alone: ints,
 * native order, {@code [set length, lead length, length, sketch length (bytes), the set's
 * filter..., set..., lead ranks..., sketch...]}, the filter a {@link SetFilter} of {@link
 * SetFilter#words} ints, the lead's ranks two to an int (the first in the lowest 16 bits) when the
 * set has at most 65,536 values (always but for texts of hundreds of thousands of words), else one
 * to an int, the sketch's bytes four to an int (the first in the lowest 8 bits).
 * Stateless; internal.
 */
final class EvidenceRecord {
  private static final int HEADER = 4;

  private EvidenceRecord() {}

  /** Ints the record of {@code e} takes. */
  static int size(Evidence e) {
    return HEADER + SetFilter.words(e.set().length) + e.set().length
        + leadInts(e.leadRanks().length, e.set().length) + sketchInts(e.sketch().length);
  }

  /** Whether a set of {@code setLength} values has its lead's ranks two to an int. */
  private static boolean ranksPaired(int setLength) {
    return setLength <= 1 << 16;
  }

  /** Ints a lead of {@code leadLength} ranks into a set of {@code setLength} values takes. */
  private static int leadInts(int leadLength, int setLength) {
    return ranksPaired(setLength) ? (leadLength + 1) >>> 1 : leadLength;
  }

  /** Ints a sketch of {@code bytes} bytes takes. */
  private static int sketchInts(int bytes) {
    return (bytes + 3) >>> 2;
  }

  /** Ints the record at {@code b[at]} takes. */
  static int size(IntBuffer b, int at) {
    return setAt(b, at) + b.get(at) + leadInts(b.get(at + 1), b.get(at))
        + sketchInts(b.get(at + 3)) - at;
  }

  /** Writes the record of {@code e} at {@code b[at]} ({@link #size} ints). */
  static void write(IntBuffer b, int at, Evidence e) {
    int[] set = e.set();
    int[] lead = e.leadRanks();
    byte[] sketch = e.sketch();
    b.put(at, set.length).put(at + 1, lead.length).put(at + 2, e.length()).put(at + 3,
        sketch.length);
    SetFilter.write(set, b, at + HEADER);
    int s = setAt(b, at);
    b.put(s, set);
    int k = s + set.length;
    if (ranksPaired(set.length)) {
      for (int i = 0; i < lead.length; i += 2) {
        int high = i + 1 < lead.length ? lead[i + 1] << 16 : 0;
        b.put(k++, high | lead[i] & 0xFFFF);
      }
    } else {
      b.put(k, lead);
      k += lead.length;
    }
    for (int i = 0; i < sketch.length; i += 4) {
      int packed = 0;
      for (int j = Math.min(3, sketch.length - 1 - i); j >= 0; j--) {
        packed = packed << 8 | (sketch[i + j] & 0xFF);
      }
      b.put(k++, packed);
    }
  }

  /** Where the set of the record at {@code b[at]} starts: after its filter. */
  private static int setAt(IntBuffer b, int at) {
    return at + HEADER + SetFilter.words(b.get(at));
  }

  /**
   * Whether the set of the record at {@code b[at]} may hold {@code v}, by its filter: always true
   * when it does ({@link SetFilter#mayHold}).
   */
  static boolean mayHold(IntBuffer b, int at, int v) {
    return SetFilter.mayHold(b, at + HEADER, SetFilter.words(b.get(at)), v);
  }

  /** The text's shingle count with repeats ({@link Evidence#length}). */
  static int length(IntBuffer b, int at) {
    return b.get(at + 2);
  }

  /** The sorted set where it lies, no copy. */
  static IntBuffer setView(IntBuffer b, int at) {
    return b.slice(setAt(b, at), b.get(at));
  }

  /** Copies of the set and the lead ranks. */
  static int[][] read(IntBuffer b, int at) {
    int[] set = new int[b.get(at)];
    int[] lead = new int[b.get(at + 1)];
    int s = setAt(b, at);
    b.get(s, set);
    int k = s + set.length;
    if (ranksPaired(set.length)) {
      for (int i = 0; i < lead.length; i += 2) {
        int pair = b.get(k++);
        lead[i] = pair & 0xFFFF;
        if (i + 1 < lead.length) {
          lead[i + 1] = pair >>> 16;
        }
      }
    } else {
      b.get(k, lead);
    }
    return new int[][] {set, lead};
  }

  /** A copy of the sketch of the record at {@code b[at]}. */
  static byte[] sketch(IntBuffer b, int at) {
    byte[] sketch = new byte[b.get(at + 3)];
    int k = setAt(b, at) + b.get(at) + leadInts(b.get(at + 1), b.get(at));
    for (int i = 0; i < sketch.length; i++) {
      sketch[i] = (byte) (b.get(k + (i >>> 2)) >>> ((i & 3) << 3));
    }
    return sketch;
  }
}
