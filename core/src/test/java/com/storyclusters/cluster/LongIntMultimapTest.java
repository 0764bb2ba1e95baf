package com.storyclusters.cluster;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.lists;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The primitive multimap against a map of lists, including growth and colliding keys: counting
 * the values of a key within a range is what the recent buffer's look-ups do.
 */
class LongIntMultimapTest {
  @Test
  void countsLikeAMapOfLists() {
    // keys from a small range so that keys repeat; values are positions, put in ascending order
    qt().withExamples(200).forAll(lists().of(integers().between(-300, 300)).ofSizeBetween(0, 2000),
        integers().between(0, 2000), integers().between(0, 2000)).checkAssert((keys, x, y) -> {
          int from = Math.min(x, y);
          int to = Math.max(x, y);
          LongIntMultimap map = new LongIntMultimap();
          Map<Long, List<Integer>> reference = new HashMap<>();
          for (int i = 0; i < keys.size(); i++) {
            long key = (long) keys.get(i) * 0x9E3779B97F4A7C15L; // spread over all 64 bits
            map.put(key, i);
            reference.computeIfAbsent(key, k -> new ArrayList<>()).add(i);
          }
          int[] hits = new int[Math.max(1, to - from)];
          int[] touched = new int[Math.max(1, to - from)];
          for (int k = -301; k <= 301; k++) {
            long key = (long) k * 0x9E3779B97F4A7C15L;
            int n = map.countInto(key, from, to, hits, touched, 0);
            List<Integer> expected = new ArrayList<>();
            for (int v : reference.getOrDefault(key, List.of())) {
              if (v >= from && v < to) {
                expected.add(0, v); // newest first
              }
            }
            List<Integer> seen = new ArrayList<>();
            for (int i = 0; i < n; i++) {
              seen.add(touched[i]);
              assertEquals(1, hits[touched[i] - from]);
              hits[touched[i] - from] = 0;
            }
            assertEquals(expected, seen);
          }
        });
  }
}
