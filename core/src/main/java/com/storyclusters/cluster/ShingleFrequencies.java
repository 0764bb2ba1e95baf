package com.storyclusters.cluster;

import java.io.IOException;

/**
 * Document frequencies of evidence shingles, estimated in memory by a count-min sketch: two rows of
 * 16-bit saturating counters, each shingle counted in one cell per row, the estimate the smaller of
 * its two cells. It never underestimates; it overestimates by the collisions in the better cell.
 * Plain (not conservative) updates, so the table does not depend on the order in which articles
 * arrive and a table rebuilt from the index equals the one built incrementally.
 *
 * <p>Replaces a Lucene term lookup per shingle per segment (the cost that dominated adds). Memory:
 * {@code 2 * 2^bits * 2} bytes, 16 MiB at the default 22 bits. Not thread-safe for writes; reads are
 * safe while nothing writes ({@link Statistics} changes it only between batch segments). Internal.
 */
public final class ShingleFrequencies {
  private static final int MAX = 0xFFFF;
  private final short[] first;
  private final short[] second;
  private final int mask;

  public ShingleFrequencies(int bits) {
    first = new short[1 << bits];
    second = new short[1 << bits];
    mask = (1 << bits) - 1;
  }

  private int cell1(int h) {
    return cell(0, h, mask);
  }

  private int cell2(int h) {
    return cell(1, h, mask);
  }

  /** The cell of shingle {@code h} in row {@code row} (0 or 1) of a table of {@code mask + 1}. */
  public static int cell(int row, int h, int mask) {
    return row == 0 ? (int) (com.storyclusters.text.Tokenizer.fmix64(h) & mask)
        : (int) (com.storyclusters.text.Tokenizer.fmix64(h ^ 0x5bd1e995L) >>> 32) & mask;
  }

  /**
   * What {@link #estimate} gives for a shingle whose two cells were bumped {@code count0} and
   * {@code count1} times by adds alone (no deletes): the smaller, each saturated.
   */
  public static int estimate(long count0, long count1) {
    return (int) Math.min(Math.min(MAX, count0), Math.min(MAX, count1));
  }

  /** Estimated number of indexed articles holding shingle {@code h}. */
  public int estimate(int h) {
    return Math.min(first[cell1(h)] & MAX, second[cell2(h)] & MAX);
  }

  /**
   * {@link #estimate} of each shingle of {@code set}, in its order. The cells are computed first
   * and read in a second pass: the reads, two cache misses a shingle in a table of megabytes, then
   * overlap (a text's few hundred estimates took 11.7 µs one by one and 4.4 µs so, in a
   * microbenchmark of a 2^22-cell table).
   */
  public int[] estimates(int[] set) {
    int[] out = new int[set.length];
    int[] second = new int[set.length];
    for (int i = 0; i < set.length; i++) {
      out[i] = cell1(set[i]);
      second[i] = cell2(set[i]);
    }
    for (int i = 0; i < set.length; i++) {
      out[i] = Math.min(first[out[i]] & MAX, this.second[second[i]] & MAX);
    }
    return out;
  }

  /**
   * Adds one for every shingle of each distinct set, the two rows on two tasks of {@code
   * parallel} (each row alone, in set order: the same table as {@link #add} set by set).
   */
  public void addAll(java.util.List<int[]> sets, Parallel parallel) {
    long steps = 0;
    for (int[] set : sets) {
      steps += set.length;
    }
    parallel.forSteps(steps).run(2, row -> {
      short[] cells = row == 0 ? first : second;
      int[] at = new int[256];
      for (int[] set : sets) {
        if (at.length < set.length) {
          at = new int[Math.max(set.length, 2 * at.length)];
        }
        for (int i = 0; i < set.length; i++) { // the cells first, then their reads overlap
          at[i] = row == 0 ? cell1(set[i]) : cell2(set[i]);
        }
        for (int i = 0; i < set.length; i++) {
          bump(cells, at[i], 1);
        }
      }
    });
  }

  /** Adds {@code delta} (may be negative) to every shingle of a distinct set. */
  public void add(int[] distinct, int delta) {
    for (int h : distinct) {
      bump(first, cell1(h), delta);
      bump(second, cell2(h), delta);
    }
  }

  private static void bump(short[] row, int i, int delta) {
    row[i] = (short) Math.max(0, Math.min(MAX, (row[i] & MAX) + delta));
  }

  /** The count in cell {@code i} of row {@code row} (0 or 1). */
  int cellValue(int row, int i) {
    return (row == 0 ? first : second)[i] & MAX;
  }

  /** Whether both tables hold the same counts. */
  public boolean sameCounts(ShingleFrequencies other) {
    return java.util.Arrays.equals(first, other.first)
        && java.util.Arrays.equals(second, other.second);
  }

  public static final String CODEC = "StoryclustersShingleFrequencies";
  /** Each row as 2^bits 16-bit cells. */
  static final int VERSION_RAW = 1;
  /** Each row as 2^bits cells, each a vint (one byte below 128). */
  static final int VERSION_VINT = 2;

  /**
   * Writes the table: a Lucene codec header ({@link #VERSION_VINT}), the bits, both rows' cells as
   * vints (a byte for a count under 128: most cells of a table that counts up to a few hundred
   * thousand articles), a checksum footer.
   */
  public void writeTo(org.apache.lucene.store.IndexOutput out) throws IOException {
    org.apache.lucene.codecs.CodecUtil.writeHeader(out, CODEC, VERSION_VINT);
    out.writeInt(Integer.numberOfTrailingZeros(first.length));
    byte[] buf = new byte[1 << 16];
    for (short[] row : new short[][] {first, second}) {
      int n = 0;
      for (short cell : row) {
        if (n > buf.length - 3) {
          out.writeBytes(buf, n);
          n = 0;
        }
        int v = cell & MAX;
        while (v >= 0x80) {
          buf[n++] = (byte) (v | 0x80);
          v >>>= 7;
        }
        buf[n++] = (byte) v;
      }
      out.writeBytes(buf, n);
    }
    org.apache.lucene.codecs.CodecUtil.writeFooter(out);
  }

  /**
   * Reads what {@link #writeTo} wrote, or a table of {@link #VERSION_RAW}, verifying its checksum.
   *
   * @throws org.apache.lucene.index.CorruptIndexException if the file is damaged or was written
   *     with another number of bits
   */
  public static ShingleFrequencies readFrom(org.apache.lucene.store.ChecksumIndexInput in, int bits)
      throws IOException {
    int version = org.apache.lucene.codecs.CodecUtil.checkHeader(in, CODEC, VERSION_RAW,
        VERSION_VINT);
    int stored = in.readInt();
    if (stored != bits) {
      throw new org.apache.lucene.index.CorruptIndexException(
          "frequency table of " + stored + " bits, expected " + bits, in);
    }
    ShingleFrequencies f = new ShingleFrequencies(bits);
    for (short[] row : new short[][] {f.first, f.second}) {
      if (version == VERSION_RAW) {
        byte[] buf = new byte[row.length * 2];
        in.readBytes(buf, 0, buf.length);
        java.nio.ByteBuffer.wrap(buf).asShortBuffer().get(row);
      } else {
        for (int i = 0; i < row.length; i++) {
          int v = in.readVInt();
          if (v < 0 || v > MAX) {
            throw new org.apache.lucene.index.CorruptIndexException("cell " + v, in);
          }
          row[i] = (short) v;
        }
      }
    }
    org.apache.lucene.codecs.CodecUtil.checkFooter(in);
    return f;
  }
}
