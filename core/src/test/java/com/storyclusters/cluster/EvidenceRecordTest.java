package com.storyclusters.cluster;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.IntBuffer;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * A record reads back what was written, at the edges of its packings: the lead's ranks two to an
 * int up to a set of 65,536 values (ranks up to 65,535, the high bit of the low half set) and one
 * to an int past it, leads of odd and even lengths, sketches of any length, at an offset.
 */
class EvidenceRecordTest {
  @Test
  void readsBackWhatItWrote() {
    SplittableRandom r = new SplittableRandom(7);
    for (int setLength : new int[] {1, 2, 40_000, 65_535, 65_536, 65_537, 70_000}) {
      int[] set = new int[setLength];
      for (int i = 0; i < setLength; i++) {
        set[i] = i * 7 - 100; // ascending, distinct, negative values too
      }
      for (int leadLength : new int[] {0, 1, 2, 59, 60}) {
        int[] lead = new int[leadLength];
        for (int i = 0; i < leadLength; i++) {
          // the largest ranks first: 65,535 in a set of 65,536 sets the pair's top bit
          lead[i] = i < 2 ? setLength - 1 - i : r.nextInt(setLength);
        }
        lead = java.util.Arrays.stream(lead).map(x -> Math.max(0, x)).toArray();
        for (int sketchLength : new int[] {0, 5, 128}) {
          byte[] sketch = new byte[sketchLength];
          r.nextBytes(sketch);
          Evidence e = new Evidence("a", lead, setLength + 3, set, sketch);
          int size = EvidenceRecord.size(e);
          IntBuffer b = IntBuffer.allocate(size + 11);
          EvidenceRecord.write(b, 11, e);
          assertEquals(size, EvidenceRecord.size(b, 11));
          int[][] read = EvidenceRecord.read(b, 11);
          assertArrayEquals(set, read[0]);
          assertArrayEquals(lead, read[1], "set " + setLength + ", lead " + leadLength);
          assertArrayEquals(sketch, EvidenceRecord.sketch(b, 11));
          assertEquals(setLength + 3, EvidenceRecord.length(b, 11));
        }
      }
    }
  }
}
