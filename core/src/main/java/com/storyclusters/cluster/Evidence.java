package com.storyclusters.cluster;

import com.storyclusters.fingerprint.Fingerprint;
import java.nio.IntBuffer;

/**
 * What scoring reads of an article: its lead as ranks into its set (the first {@link
 * Fingerprint#leadLength} evidence shingles in text order, each as the index of its value in
 * {@code set}), its shingle count with repeats, its sorted distinct shingle set and its MinHash
 * sketch. Immutable by convention (the arrays are not written after construction); internal.
 *
 * <p>Evidence read from an {@link EvidenceStore} file is loaded on first use: {@link #setView}
 * reads the set where it lies, without copying it (the lead check most candidates stop at needs a
 * few of its values), and the arrays are copied out when first asked for. Such an instance belongs
 * to the thread that looked it up.
 */
public final class Evidence {
  private final String id;
  private final int length;
  private int[] leadRanks;
  private int[] set;
  private byte[] sketch;
  /** A stored record ({@code null} for evidence in arrays) and where it starts. */
  private final IntBuffer record;
  private final int at;

  public Evidence(String id, int[] leadRanks, int length, int[] set, byte[] sketch) {
    this.id = id;
    this.leadRanks = leadRanks;
    this.length = length;
    this.set = set;
    this.sketch = sketch;
    this.record = null;
    this.at = 0;
  }

  private Evidence(String id, IntBuffer record, int at) {
    this.id = id;
    this.record = record;
    this.at = at;
    this.length = EvidenceRecord.length(record, at);
  }

  /** The evidence stored at {@code record[at...]} ({@link EvidenceRecord}), loaded lazily. */
  static Evidence stored(String id, IntBuffer record, int at) {
    return new Evidence(id, record, at);
  }

  /** The evidence of a fingerprint about to be indexed under {@code id}. */
  public static Evidence of(String id, Fingerprint fp) {
    return new Evidence(id, fp.leadRanks, fp.length, fp.set, fp.sketch);
  }

  public String id() {
    return id;
  }

  /** Number of evidence shingles (with repeats) in the whole text. */
  public int length() {
    return length;
  }

  public int[] leadRanks() {
    load();
    return leadRanks;
  }

  public int[] set() {
    load();
    return set;
  }

  /** The MinHash sketch ({@link Fingerprint#sketch}). */
  public byte[] sketch() {
    load();
    return sketch;
  }

  /** Whether {@link #mayHold} can rule values out: a stored record's filter ({@link SetFilter}). */
  boolean filtered() {
    return record != null;
  }

  /**
   * For {@link #filtered} evidence: whether the set may hold {@code v}, by the record's filter
   * (true when it does, and about one time in 17 when it does not).
   */
  boolean mayHold(int v) {
    return EvidenceRecord.mayHold(record, at, v);
  }

  /** The sorted set as a buffer: the stored record itself when not loaded yet (no copy). */
  IntBuffer setView() {
    if (set != null) {
      return IntBuffer.wrap(set);
    }
    return EvidenceRecord.setView(record, at);
  }

  private void load() {
    if (set != null) {
      return;
    }
    int[][] arrays = EvidenceRecord.read(record, at);
    leadRanks = arrays[1];
    sketch = EvidenceRecord.sketch(record, at);
    set = arrays[0];
  }

  /** The lead's shingle values, in text order. */
  public int[] lead() {
    int[] ranks = leadRanks();
    int[] values = set();
    int[] out = new int[ranks.length];
    for (int i = 0; i < out.length; i++) {
      out[i] = values[ranks[i]];
    }
    return out;
  }
}
