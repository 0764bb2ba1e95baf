package com.storyclusters.boilerplate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.lists;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The compact counts against a map: adds and removals in any order, keys that share their home
 * slot (long probe runs, backward shifts across the table's end) and their sorted tier's bucket,
 * the key 0, counts past the 16-bit slot count and back, growth, merges of the two tiers at any
 * point.
 */
@org.junit.jupiter.api.Tag("property")
class LongCountsTest {
  /** 40 keys: ten homes of four keys each (equal high bits), the key 0 among them. */
  private static long key(int k) {
    long high = (k / 4) * 0x9E3779B97F4A7C15L & 0xFFFFFFFF00000000L;
    if (k / 4 == 9) {
      high = 0xFFFFFFFF00000000L; // the last home: probe runs wrap past the table's end
    }
    return k == 0 ? 0 : high | (k % 4) * 0x1234567L + 1;
  }

  @Test
  void countsLikeAMap() {
    com.storyclusters.Props.qt().withExamples(300)
        .forAll(lists().of(integers().between(0, 39 * 8 + 7)).ofSizeBetween(0, 400),
            integers().between(1, 12))
        .checkAssert((ops, minMerge) -> counts(ops, new LongCounts(minMerge)));
  }

  /** The table alone, as {@link LongCounts} uses it between merges. */
  @Test
  void theTableCountsLikeAMap() {
    com.storyclusters.Props.qt().withExamples(100)
        .forAll(lists().of(integers().between(0, 39 * 8 + 7)).ofSizeBetween(0, 400))
        .checkAssert(ops -> counts(ops, new LongCounts(Integer.MAX_VALUE)));
  }

  /** Each op: a key (op / 8) and a delta by op % 8, from -3 to +70,000. */
  private static void counts(List<Integer> ops, LongCounts counts) {
    Map<Long, Integer> reference = new HashMap<>();
    int[] deltas = {1, 1, 2, -1, -1, -3, 40_000, -40_000};
    for (int op : ops) {
      long key = key(op / 8);
      int delta = deltas[op % 8];
      int expected = Math.max(0, reference.getOrDefault(key, 0) + delta);
      if (expected == 0) {
        reference.remove(key);
      } else {
        reference.put(key, expected);
      }
      assertEquals(expected, counts.add(key, delta), "after adding " + delta + " to " + key);
      for (int k = 0; k < 40; k++) {
        assertEquals((int) reference.getOrDefault(key(k), 0), counts.get(key(k)), "key " + k);
      }
      assertEquals(reference.size(), counts.size());
    }
  }

  @Test
  void manyKeysGrowTheTableByHalfAndRemoveCleanly() {
    LongCountTable counts = new LongCountTable();
    long[] keys = randomKeys(100_000);
    for (int i = 0; i < keys.length; i++) {
      counts.add(keys[i], 1 + i % 3);
    }
    assertEquals(keys.length, counts.size());
    // grown by half from 16 slots, at most 0.8 full: never under 0.8 / 1.5 full
    assertTrue(counts.size() >= 0.8 / 1.5 * counts.capacity() - 1, "capacity " + counts.capacity());
    for (int i = 0; i < keys.length; i += 2) {
      assertEquals(0, counts.add(keys[i], -(1 + i % 3)));
    }
    for (int i = 0; i < keys.length; i++) {
      assertEquals(i % 2 == 0 ? 0 : 1 + i % 3, counts.get(keys[i]));
    }
    assertEquals(keys.length / 2, counts.size());
  }

  /**
   * 300,000 keys with the default merge point: most of them end in the sorted tier; removals from
   * both tiers, a removed key counted again, and the zeros dropped by the next merge.
   */
  @Test
  void manyKeysMergeIntoTheSortedTierAndRemoveCleanly() {
    LongCounts counts = new LongCounts();
    long[] keys = randomKeys(300_000);
    for (int i = 0; i < keys.length; i++) {
      assertEquals(1 + i % 3, counts.add(keys[i], 1 + i % 3));
    }
    assertEquals(keys.length, counts.size());
    for (int i = 0; i < keys.length; i += 2) {
      assertEquals(0, counts.add(keys[i], -(1 + i % 3)));
    }
    assertEquals(keys.length / 2, counts.size());
    assertEquals(1, counts.add(keys[0], 1)); // counted again, in place
    for (int i = 1; i < keys.length; i++) {
      assertEquals(i % 2 == 0 ? 0 : 1 + i % 3, counts.get(keys[i]));
    }
    long[] more = randomKeys(100_000, 11);
    for (long k : more) {
      counts.add(k, 70_000); // large counts, through merges
    }
    for (int i = 1; i < keys.length; i++) {
      assertEquals(i % 2 == 0 ? 0 : 1 + i % 3, counts.get(keys[i]));
    }
    for (long k : more) {
      assertEquals(70_000, counts.get(k));
    }
    assertEquals(1 + keys.length / 2 + more.length, counts.size());
  }

  /**
   * Keys bunched in one bucket of the sorted tier, at the low and the high end of its range, where
   * the search's first guess is far off: it walks to them, and past the end for absent ones.
   */
  @Test
  void bunchedKeysAreFoundInTheSortedTier() {
    LongCounts counts = new LongCounts(1);
    long bucket = 0x1234L << 47;
    long top = (1L << 47) - 1;
    for (int i = 0; i < 500; i++) {
      counts.add(bucket | i + 1, 1);
      counts.add(bucket | top - i, 2);
    }
    for (int i = 0; i < 500; i++) {
      assertEquals(1, counts.get(bucket | i + 1));
      assertEquals(2, counts.get(bucket | top - i));
      assertEquals(0, counts.get(bucket | 1000 + i)); // absent, between the two runs
      assertEquals(0, counts.get(bucket | top / 2 + i));
    }
    assertEquals(0, counts.get(bucket)); // absent, below the first
    assertEquals(1000, counts.size());
  }

  private static long[] randomKeys(int n) {
    return randomKeys(n, 7);
  }

  private static long[] randomKeys(int n, long seed) {
    java.util.SplittableRandom random = new java.util.SplittableRandom(seed);
    long[] keys = new long[n];
    for (int i = 0; i < n; i++) {
      keys[i] = random.nextLong();
    }
    return keys;
  }
}
