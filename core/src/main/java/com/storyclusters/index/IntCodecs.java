package com.storyclusters.index;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Arrays;
import org.apache.lucene.index.CorruptIndexException;
import org.apache.lucene.store.ByteArrayDataInput;
import org.apache.lucene.store.ByteArrayDataOutput;
import org.apache.lucene.store.DataOutput;
import org.apache.lucene.util.BytesRef;

/**
 * The compact encodings of the two integer sequences a document keeps of its fingerprint (format
 * 8's {@code ef} and {@code lr}, for {@link IndexLayout}). Stateless.
 *
 * <p>A sorted set of distinct ints, by Elias–Fano (Elias 1974, Fano 1971; Vigna, "Quasi-succinct
 * indices", WSDM 2013): each value, taken as its unsigned offset {@code u} from {@link
 * Integer#MIN_VALUE}, is split into its low {@code L} bits, packed at {@code L} bits each, and its
 * high bits, coded in unary in a bitmap where the i-th value sets bit {@code (u >>> L) + i}, with
 * {@code L = floor(log2(2^32 / n))}: at most {@code 2 + log2(2^32 / n)} bits a value, about 25.5
 * for the few hundred shingles of a news article, where a variable-length delta takes 32. Bytes:
 * {@code vint n}, then, if {@code n > 0}, the low bits ({@code ceil(n * L / 8)} bytes, the first
 * value in the lowest bits of the first byte) and the bitmap (the rest; bit j is bit {@code j %
 * 8} of byte {@code j / 8}).
 *
 * <p>Ranks into such a set (each in {@code [0, n)}): {@code vint count}, then the ranks packed the
 * same way at the bits {@code n - 1} needs (at least 1).
 */
final class IntCodecs {
  private IntCodecs() {}

  /** The low bits kept of each of {@code n} (>= 1) values: {@code floor(log2(2^32 / n))}. */
  static int lowBits(int n) {
    return Integer.numberOfLeadingZeros(n - 1);
  }

  /** The encoding of {@code sorted} (ascending, distinct). */
  static byte[] sortedSet(int[] sorted) {
    int n = sorted.length;
    int low = n == 0 ? 0 : lowBits(n);
    long top = n == 0 ? 0 : (sorted[n - 1] - (long) Integer.MIN_VALUE) >>> low;
    int bitmapBits = n == 0 ? 0 : (int) (n + top);
    byte[] out = new byte[5 + bytes(n, low) + 8 + bytes(bitmapBits, 1)];
    ByteArrayDataOutput o = new ByteArrayDataOutput(out);
    try {
      o.writeVInt(n);
      if (n == 0) {
        return Arrays.copyOf(out, o.getPosition());
      }
      pack(o, n, low, i -> sorted[i] - (long) Integer.MIN_VALUE); // pack keeps the low bits
      int at = o.getPosition();
      for (int i = 0; i < n; i++) {
        int bit = (int) (((sorted[i] - (long) Integer.MIN_VALUE) >>> low) + i);
        out[at + (bit >>> 3)] |= (byte) (1 << (bit & 7));
      }
      return Arrays.copyOf(out, at + bytes(bitmapBits, 1));
    } catch (IOException e) {
      throw new UncheckedIOException(e); // an array output does not fail
    }
  }

  /** Reads what {@link #sortedSet} wrote. */
  static int[] readSortedSet(BytesRef b) throws CorruptIndexException {
    ByteArrayDataInput in = new ByteArrayDataInput(b.bytes, b.offset, b.length);
    try {
      int n = in.readVInt();
      if (n < 0 || n > 8L * b.length) {
        throw new CorruptIndexException("a set of " + n + " values in " + b.length + " bytes",
            "set");
      }
      int[] out = new int[n];
      if (n == 0) {
        return out;
      }
      int low = lowBits(n);
      int end = b.offset + b.length;
      int lowAt = in.getPosition();
      int at = lowAt + bytes(n, low); // where the bitmap starts, in b.bytes
      if (at > end) {
        throw new CorruptIndexException(n + " values' low bits past the end", "set");
      }
      byte[] bytes = b.bytes;
      long mask = (1L << low) - 1;
      long acc = 0; // the low bits read ahead
      int held = 0;
      int i = 0;
      for (int p = at; p < end && i < n; p++) {
        int bits = bytes[p] & 0xFF;
        while (bits != 0 && i < n) {
          long high = ((p - at) << 3) + Integer.numberOfTrailingZeros(bits) - i;
          bits &= bits - 1;
          while (held < low) {
            acc |= (bytes[lowAt++] & 0xFFL) << held;
            held += 8;
          }
          out[i++] = (int) ((high << low | (acc & mask)) + Integer.MIN_VALUE);
          acc >>>= low;
          held -= low;
        }
      }
      if (i < n) {
        throw new CorruptIndexException("a set's bitmap holds " + i + " of " + n + " values",
            "set");
      }
      return out;
    } catch (CorruptIndexException e) {
      throw e;
    } catch (IOException | RuntimeException e) {
      throw new CorruptIndexException("a set's encoding: " + e, "set", e);
    }
  }

  /** The encoding of {@code ranks}, each in {@code [0, setSize)}. */
  static byte[] ranks(int[] ranks, int setSize) {
    int bits = rankBits(setSize);
    byte[] out = new byte[5 + bytes(ranks.length, bits) + 8];
    ByteArrayDataOutput o = new ByteArrayDataOutput(out);
    try {
      o.writeVInt(ranks.length);
      pack(o, ranks.length, bits, i -> ranks[i]);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return Arrays.copyOf(out, o.getPosition());
  }

  /** Reads what {@link #ranks} wrote for a set of {@code setSize} values. */
  static int[] readRanks(BytesRef b, int setSize) throws CorruptIndexException {
    ByteArrayDataInput in = new ByteArrayDataInput(b.bytes, b.offset, b.length);
    try {
      int n = in.readVInt();
      if (n < 0 || n > 8L * b.length) {
        throw new CorruptIndexException(n + " ranks in " + b.length + " bytes", "ranks");
      }
      long[] values = unpack(b.bytes, in.getPosition(), b.offset + b.length, n,
          rankBits(setSize));
      int[] out = new int[n];
      for (int i = 0; i < n; i++) {
        if (values[i] >= setSize) {
          throw new CorruptIndexException(
              "rank " + values[i] + " outside a set of " + setSize, "ranks");
        }
        out[i] = (int) values[i];
      }
      return out;
    } catch (CorruptIndexException e) {
      throw e;
    } catch (IOException | RuntimeException e) {
      throw new CorruptIndexException("ranks' encoding: " + e, "ranks", e);
    }
  }

  private static int rankBits(int setSize) {
    return Math.max(1, 32 - Integer.numberOfLeadingZeros(Math.max(0, setSize - 1)));
  }

  /** Bytes {@code n} values of {@code bits} bits take packed. */
  private static int bytes(int n, int bits) {
    return (int) (((long) n * bits + 7) >>> 3);
  }

  /**
   * Writes {@code n} values of {@code bits} bits (<= 32) each, the first in the lowest bits of the
   * first byte ({@code ceil(n * bits / 8)} bytes). Written here rather than with Lucene's {@code
   * PackedInts}, whose readers are built for long arrays: set up for each document's few hundred
   * values, they decoded a set three times slower than a vlong loop.
   */
  private static void pack(DataOutput o, int n, int bits, java.util.function.IntToLongFunction v)
      throws IOException {
    long mask = (1L << bits) - 1;
    long acc = 0;
    int held = 0;
    for (int i = 0; i < n; i++) {
      acc |= (v.applyAsLong(i) & mask) << held;
      held += bits;
      while (held >= 8) {
        o.writeByte((byte) acc);
        acc >>>= 8;
        held -= 8;
      }
    }
    if (held > 0) {
      o.writeByte((byte) acc);
    }
  }

  /** Reads what {@link #pack} wrote, from {@code b[at...]}; returns the values. */
  private static long[] unpack(byte[] b, int at, int end, int n, int bits)
      throws CorruptIndexException {
    if (at + bytes(n, bits) > end) {
      throw new CorruptIndexException(n + " values of " + bits + " bits past the end", "packed");
    }
    long[] out = new long[n];
    long mask = (1L << bits) - 1;
    long acc = 0;
    int held = 0;
    int p = at;
    for (int i = 0; i < n; i++) {
      while (held < bits) {
        acc |= (b[p++] & 0xFFL) << held;
        held += 8;
      }
      out[i] = acc & mask;
      acc >>>= bits;
      held -= bits;
    }
    return out;
  }
}
