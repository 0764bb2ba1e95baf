package com.storyclusters.index;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;
import org.apache.lucene.index.CorruptIndexException;
import org.apache.lucene.util.BytesRef;
import org.junit.jupiter.api.Test;

/**
 * The set and rank encodings read back what was written, at any size and spread (the extremes of
 * the int range included), inside a larger array at an offset; they take the bits Elias–Fano
 * promises; damage is reported, not read as values.
 */
@org.junit.jupiter.api.Tag("property")
class IntCodecsTest {
  @Test
  void aSortedSetReadsBackAsWritten() {
    com.storyclusters.Props.qt().withExamples(2000)
        .forAll(org.quicktheories.generators.SourceDSL.longs().all(),
            org.quicktheories.generators.SourceDSL.integers().between(0, 3000))
        .checkAssert((seed, n) -> {
          Random r = new Random(seed);
          int spread = r.nextInt(4);
          int[] set = switch (spread) {
            case 0 -> r.ints(n).distinct().sorted().toArray(); // the whole range
            case 1 -> r.ints(n, -50, 50 + n).distinct().sorted().toArray(); // dense
            case 2 -> r.ints(n, Integer.MAX_VALUE - 5000, Integer.MAX_VALUE).distinct().sorted()
                .toArray(); // at the top
            default -> r.ints(n, Integer.MIN_VALUE, Integer.MIN_VALUE + 5000).distinct().sorted()
                .toArray(); // at the bottom
          };
          byte[] bytes = IntCodecs.sortedSet(set);
          byte[] padded = new byte[bytes.length + 7];
          System.arraycopy(bytes, 0, padded, 3, bytes.length);
          try {
            assertArrayEquals(set, IntCodecs.readSortedSet(new BytesRef(padded, 3, bytes.length)));
          } catch (CorruptIndexException e) {
            throw new AssertionError(e);
          }
          if (set.length > 0) { // Elias-Fano: at most 2 + log2(2^32 / n) bits a value
            double bound = set.length * (2 + 32 - Math.log(set.length) / Math.log(2)) / 8;
            assertTrue(bytes.length <= bound + 4, bytes.length + " > " + bound);
          }
          int[] ranks = set.length == 0 ? new int[0]
              : r.ints(r.nextInt(200), 0, set.length).toArray();
          try {
            assertArrayEquals(ranks, IntCodecs.readRanks(
                new BytesRef(IntCodecs.ranks(ranks, set.length)), set.length));
          } catch (CorruptIndexException e) {
            throw new AssertionError(e);
          }
        });
  }

  @Test
  void theExtremesAndOneValue() throws Exception {
    for (int[] set : new int[][] {{}, {Integer.MIN_VALUE}, {Integer.MAX_VALUE}, {0},
        {Integer.MIN_VALUE, Integer.MAX_VALUE}, {-1, 0, 1}}) {
      assertArrayEquals(set, IntCodecs.readSortedSet(new BytesRef(IntCodecs.sortedSet(set))));
    }
  }

  @Test
  void aNewsArticlesSetTakesAboutThreeBytesAValue() {
    int[] set = new Random(7).ints(360).distinct().sorted().toArray();
    int bytes = IntCodecs.sortedSet(set).length;
    assertTrue(bytes < 3.3 * set.length, bytes + " bytes for " + set.length);
    assertEquals(23, IntCodecs.lowBits(360));
  }

  @Test
  void damageIsReported() {
    byte[] bytes = IntCodecs.sortedSet(new Random(3).ints(100).distinct().sorted().toArray());
    byte[] cut = java.util.Arrays.copyOf(bytes, bytes.length / 2);
    assertThrows(CorruptIndexException.class, () -> IntCodecs.readSortedSet(new BytesRef(cut)));
    byte[] ranks = IntCodecs.ranks(new int[] {0, 5, 9, 3, 7, 1, 2, 8, 4, 6, 9, 9}, 10);
    byte[] cutRanks = java.util.Arrays.copyOf(ranks, 3);
    assertThrows(CorruptIndexException.class,
        () -> IntCodecs.readRanks(new BytesRef(cutRanks), 10));
  }
}
