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
 * The primitive multimap against a map of lists, including growth and colliding keys: walking the
 * values of a key, in the order put, is what the candidate index's look-ups do.
 */
class LongIntMultimapTest {
  @Test
  void walksLikeAMapOfLists() {
    // keys from a small range so that keys repeat; values are positions, put in ascending order
    qt().withExamples(200).forAll(lists().of(integers().between(-300, 300)).ofSizeBetween(0, 2000))
        .checkAssert(keys -> {
          LongIntMultimap map = new LongIntMultimap();
          Map<Long, List<Integer>> reference = new HashMap<>();
          for (int i = 0; i < keys.size(); i++) {
            long key = (long) keys.get(i) * 0x9E3779B97F4A7C15L; // spread over all 64 bits
            map.put(key, i);
            reference.computeIfAbsent(key, k -> new ArrayList<>()).add(i);
          }
          for (int k = -301; k <= 301; k++) {
            long key = (long) k * 0x9E3779B97F4A7C15L;
            List<Integer> expected = reference.getOrDefault(key, List.of());
            List<Integer> seen = new ArrayList<>();
            int slot = map.find(key);
            for (int i = 0; slot != LongIntMultimap.NONE && i < map.count(slot); i++) {
              seen.add(map.value(slot, i));
            }
            assertEquals(expected, seen);
          }
        });
  }
}
