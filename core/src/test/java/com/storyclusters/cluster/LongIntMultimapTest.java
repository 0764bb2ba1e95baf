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

/** The primitive multimap against a map of lists, including growth, colliding keys, clear and release. */
class LongIntMultimapTest {
  @Test
  void behavesLikeAMapOfLists() {
    // keys from a small range so that keys repeat; values are positions
    qt().withExamples(200).forAll(lists().of(integers().between(-300, 300)).ofSizeBetween(0, 2000))
        .checkAssert(keys -> {
          LongIntMultimap map = new LongIntMultimap();
          for (int round = 0; round < 3; round++) { // later rounds check clear() and release()
            Map<Long, List<Integer>> reference = new HashMap<>();
            for (int i = 0; i < keys.size(); i++) {
              long key = (long) keys.get(i) * 0x9E3779B97F4A7C15L; // spread over all 64 bits
              map.put(key, i);
              reference.computeIfAbsent(key, k -> new ArrayList<>()).add(0, i); // newest first
            }
            for (int k = -301; k <= 301; k++) {
              long key = (long) k * 0x9E3779B97F4A7C15L;
              List<Integer> seen = new ArrayList<>();
              map.forEach(key, seen::add);
              assertEquals(reference.getOrDefault(key, List.of()), seen);
              assertEquals(seen.size(), map.count(key));
            }
            if (round == 0) {
              map.clear();
            } else {
              map.release();
            }
          }
        });
  }
}
