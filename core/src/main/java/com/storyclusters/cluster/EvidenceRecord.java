package com.storyclusters.cluster;

import java.nio.IntBuffer;

/**
 * The layout of one article's evidence in an {@link EvidenceStore} file, owned here alone: ints,
 * native order, {@code [set length, lead length, length, sketch length, set..., lead ranks...,
 * sketch...]}. Stateless; internal.
 */
final class EvidenceRecord {
  private static final int HEADER = 4;

  private EvidenceRecord() {}

  /** Ints the record of {@code e} takes. */
  static int size(Evidence e) {
    return HEADER + e.set().length + e.leadRanks().length + e.sketch().length;
  }

  /** Ints the record at {@code b[at]} takes. */
  static int size(IntBuffer b, int at) {
    return HEADER + b.get(at) + b.get(at + 1) + b.get(at + 3);
  }

  /** Writes the record of {@code e} at {@code b[at]} ({@link #size} ints). */
  static void write(IntBuffer b, int at, Evidence e) {
    int[] set = e.set();
    int[] lead = e.leadRanks();
    int[] sketch = e.sketch();
    b.put(at, set.length).put(at + 1, lead.length).put(at + 2, e.length()).put(at + 3,
        sketch.length);
    b.put(at + HEADER, set);
    b.put(at + HEADER + set.length, lead);
    b.put(at + HEADER + set.length + lead.length, sketch);
  }

  /** The text's shingle count with repeats ({@link Evidence#length}). */
  static int length(IntBuffer b, int at) {
    return b.get(at + 2);
  }

  /** The sorted set where it lies, no copy. */
  static IntBuffer setView(IntBuffer b, int at) {
    return b.slice(at + HEADER, b.get(at));
  }

  /** Copies of the set, the lead ranks and the sketch. */
  static int[][] read(IntBuffer b, int at) {
    int[] set = new int[b.get(at)];
    int[] lead = new int[b.get(at + 1)];
    int[] sketch = new int[b.get(at + 3)];
    b.get(at + HEADER, set);
    b.get(at + HEADER + set.length, lead);
    b.get(at + HEADER + set.length + lead.length, sketch);
    return new int[][] {set, lead, sketch};
  }
}
