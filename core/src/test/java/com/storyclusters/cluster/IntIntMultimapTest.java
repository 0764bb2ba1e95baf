package com.storyclusters.cluster;

import static org.junit.jupiter.api.Assertions.assertEquals;

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
@org.junit.jupiter.api.Tag("property")
class IntIntMultimapTest {
  @Test
  void walksLikeAMapOfLists() {
    // keys from a small range so that keys repeat; values are positions, put in ascending order
    com.storyclusters.Props.qt().withExamples(200).forAll(lists().of(integers().between(-300, 300)).ofSizeBetween(0, 2000))
        .checkAssert(keys -> {
          IntIntMultimap map = new IntIntMultimap();
          Map<Integer, List<Integer>> reference = new HashMap<>();
          for (int i = 0; i < keys.size(); i++) {
            int key = keys.get(i) * 0x9E3779B9; // spread over all 32 bits
            map.put(key, i);
            reference.computeIfAbsent(key, k -> new ArrayList<>()).add(i);
          }
          for (int k = -301; k <= 301; k++) {
            int key = k * 0x9E3779B9;
            List<Integer> expected = reference.getOrDefault(key, List.of());
            List<Integer> seen = new ArrayList<>();
            int slot = map.find(key);
            for (int i = 0; slot != IntIntMultimap.NONE && i < map.count(slot); i++) {
              seen.add(map.value(slot, i));
            }
            assertEquals(expected, seen);
          }
        });
  }
}
