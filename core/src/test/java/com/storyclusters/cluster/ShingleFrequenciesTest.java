package com.storyclusters.cluster;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.lists;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The frequency table's bulk paths against its one-by-one ones: {@link ShingleFrequencies#estimates}
 * gives each shingle's {@link ShingleFrequencies#estimate}, and {@link ShingleFrequencies#addAll}
 * the table that adding the sets one by one gives.
 */
@org.junit.jupiter.api.Tag("property")
class ShingleFrequenciesTest {
  @Test
  void bulkPathsAreTheOneByOnePaths() {
    com.storyclusters.Props.qt().withExamples(100)
        .forAll(lists().of(lists().of(integers().between(-2_000, 2_000)).ofSizeBetween(0, 300))
            .ofSizeBetween(0, 40))
        .checkAssert(sets -> {
          List<int[]> distinct = new ArrayList<>();
          for (List<Integer> s : sets) {
            distinct.add(s.stream().mapToInt(Integer::intValue).map(h -> h * 0x9E3779B9).distinct()
                .sorted().toArray());
          }
          ShingleFrequencies bulk = new ShingleFrequencies(8); // small: cells collide
          ShingleFrequencies oneByOne = new ShingleFrequencies(8);
          bulk.addAll(distinct, Parallel.SERIAL);
          for (int[] set : distinct) {
            oneByOne.add(set, 1);
          }
          assertTrue(bulk.sameCounts(oneByOne));
          for (int[] set : distinct) {
            int[] expected = new int[set.length];
            for (int i = 0; i < set.length; i++) {
              expected[i] = oneByOne.estimate(set[i]);
            }
            assertArrayEquals(expected, bulk.estimates(set));
          }
        });
  }
}
