package com.storyclusters.cluster;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;
import org.apache.lucene.codecs.CodecUtil;
import org.apache.lucene.store.ByteBuffersDirectory;
import org.apache.lucene.store.ChecksumIndexInput;
import org.apache.lucene.store.IOContext;
import org.apache.lucene.store.IndexOutput;
import org.junit.jupiter.api.Test;

/**
 * The frequency table's file: what is written reads back with the same counts (saturated cells
 * and deletes' zeros included), a table of the raw version still reads, and a table of other
 * bits is refused.
 */
class ShingleFrequenciesFileTest {
  private static ShingleFrequencies table(long seed) {
    ShingleFrequencies f = new ShingleFrequencies(12);
    Random r = new Random(seed);
    for (int a = 0; a < 600; a++) {
      f.add(r.ints(1 + r.nextInt(300), 0, 1 << 20).distinct().toArray(), 1);
    }
    int[] hot = {7, 8, 9};
    for (int i = 0; i < 70_000; i++) { // past 65,535: saturated
      f.add(hot, 1);
    }
    f.add(new int[] {7}, -3);
    return f;
  }

  @Test
  void aTableReadsBackAsWritten() throws Exception {
    for (long seed = 1; seed <= 3; seed++) {
      ShingleFrequencies f = table(seed);
      try (ByteBuffersDirectory dir = new ByteBuffersDirectory()) {
        try (IndexOutput out = dir.createOutput("t", IOContext.DEFAULT)) {
          f.writeTo(out);
        }
        assertTrue(dir.fileLength("t") < 2 * 2 * (1 << 12), "vints: " + dir.fileLength("t"));
        try (ChecksumIndexInput in = dir.openChecksumInput("t", IOContext.READONCE)) {
          assertTrue(f.sameCounts(ShingleFrequencies.readFrom(in, 12)));
        }
        try (ChecksumIndexInput in = dir.openChecksumInput("t", IOContext.READONCE)) {
          assertThrows(org.apache.lucene.index.CorruptIndexException.class,
              () -> ShingleFrequencies.readFrom(in, 13));
        }
      }
    }
  }

  /** A table written by the versions before (each cell 16 bits, big-endian) reads as it was. */
  @Test
  void aRawTableStillReads() throws Exception {
    ShingleFrequencies f = table(4);
    ShingleFrequencies probe = new ShingleFrequencies(12);
    try (ByteBuffersDirectory dir = new ByteBuffersDirectory()) {
      try (IndexOutput out = dir.createOutput("t", IOContext.DEFAULT)) {
        CodecUtil.writeHeader(out, ShingleFrequencies.CODEC, ShingleFrequencies.VERSION_RAW);
        out.writeInt(12);
        for (int row = 0; row < 2; row++) {
          for (int cell = 0; cell < 1 << 12; cell++) {
            int v = f.cellValue(row, cell);
            out.writeByte((byte) (v >>> 8));
            out.writeByte((byte) v);
          }
        }
        CodecUtil.writeFooter(out);
      }
      try (ChecksumIndexInput in = dir.openChecksumInput("t", IOContext.READONCE)) {
        ShingleFrequencies read = ShingleFrequencies.readFrom(in, 12);
        assertTrue(f.sameCounts(read));
        assertEquals(f.estimate(7), read.estimate(7));
      }
    }
    assertEquals(0, probe.estimate(7));
  }
}
