package com.storyclusters.cluster;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.lists;

import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The anchors' selection gives what a full sort gives: the {@code k} smallest entries, ascending,
 * for any entries (ties included, which a text's distinct set never has) and any {@code k}.
 */
@org.junit.jupiter.api.Tag("property")
class AnchorsTest {
  @Test
  void smallestIsThePrefixOfTheSortedEntries() {
    // entries from a small range of counts and values, so that ties and sorted runs occur
    com.storyclusters.Props.qt().withExamples(2000)
        .forAll(lists().of(integers().between(0, 40)).ofSizeBetween(0, 400),
            integers().between(0, 420))
        .checkAssert(AnchorsTest::selects);
  }

  private static void selects(List<Integer> values, int k) {
    long[] entries = new long[values.size() + 3];
    for (int i = 0; i < values.size(); i++) {
      entries[i] = ((long) (values.get(i) % 5) << 32) | values.get(i) * 0x9E3779B9L >>> 33;
    }
    long[] sorted = Arrays.copyOf(entries, values.size());
    Arrays.sort(sorted);
    long[] expected = Arrays.copyOf(sorted, Math.min(k, sorted.length));
    assertArrayEquals(expected, Anchors.smallest(entries, values.size(), k));
  }
}
