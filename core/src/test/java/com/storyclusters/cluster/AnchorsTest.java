package com.storyclusters.cluster;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.lists;

import com.storyclusters.fingerprint.Fingerprint;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * The whole text's anchors are what a full sort gives: of the set's shingles that are sampled
 * and held by 1 to {@link Anchors#MAX_ANCHOR_FREQUENCY} articles, packed as {@code count << 32 |
 * value}, the {@code k} smallest, ascending, for any set (negative values included, whose
 * unsigned order differs from their signed one), any counts (ties the rule) and any {@code k}.
 */
@org.junit.jupiter.api.Tag("property")
class AnchorsTest {
  @Test
  void rarestOfSetIsThePrefixOfTheSortedEntries() {
    com.storyclusters.Props.qt().withExamples(2000)
        .forAll(lists().of(integers().all()).ofSizeBetween(0, 400),
            integers().between(0, 420), integers().all())
        .checkAssert(AnchorsTest::selects);
  }

  private static void selects(List<Integer> values, int k, int seed) {
    int[] set = values.stream().mapToInt(Integer::intValue).distinct().sorted().toArray();
    Random r = new Random(seed);
    int[] counts = new int[set.length];
    for (int i = 0; i < counts.length; i++) {
      // mostly a few small counts (ties), some 0 and some past the limit (never anchors)
      counts[i] = r.nextInt(10) == 0 ? r.nextInt(2 * Anchors.MAX_ANCHOR_FREQUENCY) : r.nextInt(6);
    }
    long[] entries = new long[set.length];
    int m = 0;
    for (int i = 0; i < set.length; i++) {
      if (Fingerprint.sampled(set[i]) && counts[i] >= 1
          && counts[i] <= Anchors.MAX_ANCHOR_FREQUENCY) {
        entries[m++] = (long) counts[i] << 32 | (set[i] & 0xFFFFFFFFL);
      }
    }
    long[] sorted = Arrays.copyOf(entries, m);
    Arrays.sort(sorted);
    long[] expected = Arrays.copyOf(sorted, Math.min(k, m));
    assertArrayEquals(expected, Anchors.rarestOfSet(set, counts, k));
  }
}
