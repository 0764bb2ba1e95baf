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
      for (int[] set : sets) {
        for (int h : set) {
          bump(cells, row == 0 ? cell1(h) : cell2(h), 1);
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

  /** Whether both tables hold the same counts. */
  public boolean sameCounts(ShingleFrequencies other) {
    return java.util.Arrays.equals(first, other.first)
        && java.util.Arrays.equals(second, other.second);
  }

  public static final String CODEC = "StoryclustersShingleFrequencies";
  static final int VERSION = 1;

  /** Writes the table: a Lucene codec header, the bits, both rows, a checksum footer. */
  public void writeTo(org.apache.lucene.store.IndexOutput out) throws IOException {
    org.apache.lucene.codecs.CodecUtil.writeHeader(out, CODEC, VERSION);
    out.writeInt(Integer.numberOfTrailingZeros(first.length));
    byte[] buf = new byte[first.length * 2];
    for (short[] row : new short[][] {first, second}) {
      java.nio.ByteBuffer.wrap(buf).asShortBuffer().put(row);
      out.writeBytes(buf, buf.length);
    }
    org.apache.lucene.codecs.CodecUtil.writeFooter(out);
  }

  /**
   * Reads what {@link #writeTo} wrote, verifying its checksum.
   *
   * @throws org.apache.lucene.index.CorruptIndexException if the file is damaged or was written
   *     with another number of bits
   */
  public static ShingleFrequencies readFrom(org.apache.lucene.store.ChecksumIndexInput in, int bits)
      throws IOException {
    org.apache.lucene.codecs.CodecUtil.checkHeader(in, CODEC, VERSION, VERSION);
    int stored = in.readInt();
    if (stored != bits) {
      throw new org.apache.lucene.index.CorruptIndexException(
          "frequency table of " + stored + " bits, expected " + bits, in);
    }
    ShingleFrequencies f = new ShingleFrequencies(bits);
    byte[] buf = new byte[f.first.length * 2];
    for (short[] row : new short[][] {f.first, f.second}) {
      in.readBytes(buf, 0, buf.length);
      java.nio.ByteBuffer.wrap(buf).asShortBuffer().get(row);
    }
    org.apache.lucene.codecs.CodecUtil.checkFooter(in);
    return f;
  }
}
